package io.neuralworkbench.engine.training.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;

import java.util.HashMap;
import java.util.Map;

/**
 * DJL optimizers that update weights as DL4J's updaters do. Adam and SGD are DJL's own (PyTorch runs them
 * natively); DJL's PyTorch engine has no Nesterov or RMSProp kernel, so those two are written here with DL4J's
 * formulas. None applies weight decay: L2 and decoupled decay are handled by the model, as in DL4J.
 */
final class UpdateRules {
    /** DL4J's default epsilon for Adam and RMSProp. */
    private static final float EPSILON = 1e-8f;

    private UpdateRules() {
    }

    static Optimizer forSettings(io.neuralworkbench.engine.training.Optimizer settings,
                                 AdjustableLearningRate learningRate) {
        OptimizerType type = settings.type();
        return switch (type) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(learningRate).build();
            case SGD_NESTEROV -> new Nesterov(learningRate, (float) settings.momentum());
            case ADAM, ADAMW -> Optimizer.adam().optLearningRateTracker(learningRate)
                    .optBeta1((float) settings.beta1()).optBeta2((float) settings.beta2()).optEpsilon(EPSILON).build();
            case RMSPROP -> new RmsProp(learningRate, (float) settings.rmsDecay());
        };
    }

    /** The optimizer base class wants a builder; these rules take their settings in the constructor. */
    private static final class NoExtraSettings extends Optimizer.OptimizerBuilder<NoExtraSettings> {
        @Override
        protected NoExtraSettings self() {
            return this;
        }
    }

    /** DL4J's {@code Nesterovs}: v ← μv − lr·g; w ← w − μ·v_previous + (1 + μ)·v. */
    private static final class Nesterov extends Optimizer {
        private final AdjustableLearningRate learningRate;
        private final float momentum;
        private final Map<String, NDArray> velocities = new HashMap<>();

        Nesterov(AdjustableLearningRate learningRate, float momentum) {
            super(new NoExtraSettings());
            this.learningRate = learningRate;
            this.momentum = momentum;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            NDArray velocity = velocities.computeIfAbsent(parameterId, id -> weight.zerosLike());
            try (NDArray previousPart = velocity.mul(-momentum);
                 NDArray step = grad.mul(learningRate.get())) {
                velocity.muli(momentum).subi(step);
                try (NDArray change = velocity.mul(1 + momentum)) {
                    weight.addi(change.addi(previousPart));
                }
            }
        }
    }

    /** DL4J's {@code RmsProp}: c ← ρc + (1 − ρ)g²; w ← w − lr·g / (√c + ε). */
    private static final class RmsProp extends Optimizer {
        private final AdjustableLearningRate learningRate;
        private final float decay;
        private final Map<String, NDArray> meanSquares = new HashMap<>();

        RmsProp(AdjustableLearningRate learningRate, float decay) {
            super(new NoExtraSettings());
            this.learningRate = learningRate;
            this.decay = decay;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            NDArray meanSquare = meanSquares.computeIfAbsent(parameterId, id -> weight.zerosLike());
            try (NDArray square = grad.square()) {
                meanSquare.muli(decay).addi(square.muli(1 - decay));
            }
            try (NDArray root = meanSquare.sqrt();
                 NDArray step = grad.mul(learningRate.get())) {
                weight.subi(step.divi(root.addi(EPSILON)));
            }
        }
    }
}
