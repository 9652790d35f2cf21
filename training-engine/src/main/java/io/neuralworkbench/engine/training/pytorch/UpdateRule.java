package io.neuralworkbench.engine.training.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer that updates weights as DL4J's updaters do, and keeps its state (moments, velocities, step count)
 * where the model can save it, so that a run resumed from a checkpoint continues exactly as it would have.
 * Adam and SGD run PyTorch's fused update kernels (the ones DJL's own optimizers call); DJL's PyTorch engine has
 * no Nesterov or RMSProp kernel, so those two are written with DL4J's formulas. None applies weight decay: L2
 * and decoupled decay are handled by the model, as in DL4J.
 */
abstract class UpdateRule {
    /** DL4J's default epsilon for Adam and RMSProp. */
    private static final float EPSILON = 1e-8f;
    private static final int STATE_FORMAT_VERSION = 1;

    private final OptimizerType type;
    private final int arraysPerTensor;
    /** Per tensor id, in the order tensors were first updated: the rule's state arrays. */
    private final Map<String, NDArray[]> state = new LinkedHashMap<>();
    private long steps;

    private UpdateRule(OptimizerType type, int arraysPerTensor) {
        this.type = type;
        this.arraysPerTensor = arraysPerTensor;
    }

    static UpdateRule forSettings(Optimizer settings) {
        return switch (settings.type()) {
            case SGD -> new Sgd();
            case SGD_NESTEROV -> new Nesterov((float) settings.momentum());
            case ADAM, ADAMW -> new Adam(settings.type(), (float) settings.beta1(), (float) settings.beta2());
            case RMSPROP -> new RmsProp((float) settings.rmsDecay());
        };
    }

    /** Starts the next optimisation step (one per batch); Adam's bias correction depends on the count. */
    final void beginStep() {
        steps++;
    }

    final long steps() {
        return steps;
    }

    /** Changes {@code weight} in place from {@code gradient}; the gradient is left unchanged. */
    abstract void update(String tensorId, NDArray weight, NDArray gradient, float learningRate);

    /** This tensor's state arrays, zeros before its first update. */
    final NDArray[] stateOf(String tensorId, NDArray weight) {
        return state.computeIfAbsent(tensorId, id -> {
            NDArray[] arrays = new NDArray[arraysPerTensor];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = weight.zerosLike();
            }
            return arrays;
        });
    }

    /** The step count and every state array, in a plain binary form (floats are copied exactly). */
    byte[] saveState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_FORMAT_VERSION);
            out.writeUTF(type.name());
            out.writeLong(steps);
            out.writeInt(state.size());
            for (Map.Entry<String, NDArray[]> entry : state.entrySet()) {
                out.writeUTF(entry.getKey());
                for (NDArray array : entry.getValue()) {
                    long[] shape = array.getShape().getShape();
                    out.writeInt(shape.length);
                    for (long size : shape) {
                        out.writeLong(size);
                    }
                    for (float value : array.toFloatArray()) {
                        out.writeFloat(value);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Replaces the state with one written by {@link #saveState} for the same optimizer type. */
    void restoreState(byte[] saved, NDManager manager) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            int version = in.readInt();
            if (version != STATE_FORMAT_VERSION) {
                throw new IOException("Unknown optimizer state format " + version);
            }
            String savedType = in.readUTF();
            if (!savedType.equals(type.name())) {
                throw new IOException("The optimizer state is for " + savedType + ", the model trains with " + type);
            }
            long savedSteps = in.readLong();
            int tensors = in.readInt();
            Map<String, NDArray[]> restored = new LinkedHashMap<>();
            for (int t = 0; t < tensors; t++) {
                String id = in.readUTF();
                NDArray[] arrays = new NDArray[arraysPerTensor];
                for (int a = 0; a < arrays.length; a++) {
                    long[] shape = new long[in.readInt()];
                    long count = 1;
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = in.readLong();
                        count *= shape[d];
                    }
                    float[] values = new float[Math.toIntExact(count)];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = in.readFloat();
                    }
                    arrays[a] = manager.create(values, new ai.djl.ndarray.types.Shape(shape));
                }
                restored.put(id, arrays);
            }
            state.values().forEach(arrays -> new NDList(arrays).close());
            state.clear();
            state.putAll(restored);
            steps = savedSteps;
        }
    }

    /** Plain SGD: w ← w − lr·g. */
    private static final class Sgd extends UpdateRule {
        Sgd() {
            super(OptimizerType.SGD, 0);
        }

        @Override
        void update(String tensorId, NDArray weight, NDArray gradient, float learningRate) {
            weight.getNDArrayInternal().sgdUpdate(new NDList(weight, gradient), new NDList(weight), learningRate,
                    0f, 1f, -1f, 0f, true);
        }
    }

    /**
     * DL4J's {@code Adam}: m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; w ← w − lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v + ε).
     */
    private static final class Adam extends UpdateRule {
        private final float beta1;
        private final float beta2;

        Adam(OptimizerType type, float beta1, float beta2) {
            super(type, 2);
            this.beta1 = beta1;
            this.beta2 = beta2;
        }

        @Override
        void update(String tensorId, NDArray weight, NDArray gradient, float learningRate) {
            NDArray[] moments = stateOf(tensorId, weight);
            double t = steps();
            float biasCorrectedRate = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t))
                    / (1 - Math.pow(beta1, t)));
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, moments[0], moments[1]),
                    new NDList(weight), learningRate, biasCorrectedRate, 0f, 1f, -1f, beta1, beta2, EPSILON,
                    true, false);
        }
    }

    /** DL4J's {@code Nesterovs}: v ← μv − lr·g; w ← w − μ·v_previous + (1 + μ)·v. */
    private static final class Nesterov extends UpdateRule {
        private final float momentum;

        Nesterov(float momentum) {
            super(OptimizerType.SGD_NESTEROV, 1);
            this.momentum = momentum;
        }

        @Override
        void update(String tensorId, NDArray weight, NDArray gradient, float learningRate) {
            NDArray velocity = stateOf(tensorId, weight)[0];
            try (NDArray previousPart = velocity.mul(-momentum);
                 NDArray step = gradient.mul(learningRate)) {
                velocity.muli(momentum).subi(step);
                try (NDArray change = velocity.mul(1 + momentum)) {
                    weight.addi(change.addi(previousPart));
                }
            }
        }
    }

    /** DL4J's {@code RmsProp}: c ← ρc + (1 − ρ)g²; w ← w − lr·g / (√c + ε). */
    private static final class RmsProp extends UpdateRule {
        private final float decay;

        RmsProp(float decay) {
            super(OptimizerType.RMSPROP, 1);
            this.decay = decay;
        }

        @Override
        void update(String tensorId, NDArray weight, NDArray gradient, float learningRate) {
            NDArray meanSquare = stateOf(tensorId, weight)[0];
            try (NDArray square = gradient.square()) {
                meanSquare.muli(decay).addi(square.muli(1 - decay));
            }
            try (NDArray root = meanSquare.sqrt();
                 NDArray step = gradient.mul(learningRate)) {
                weight.subi(step.divi(root.addi(EPSILON)));
            }
        }
    }
}
