package io.neuralworkbench.engine.training;

/**
 * An optimizer and its settings. {@code momentum} is used by {@link OptimizerType#SGD_NESTEROV},
 * {@code beta1}/{@code beta2} by Adam and AdamW, {@code weightDecay} by AdamW, {@code rmsDecay} by RMSProp.
 */
public record Optimizer(OptimizerType type, double momentum, double beta1, double beta2, double weightDecay,
                        double rmsDecay) {

    public static Optimizer of(OptimizerType type) {
        return new Optimizer(type, 0.9, 0.9, 0.999, type == OptimizerType.ADAMW ? 0.01 : 0.0, 0.95);
    }

    public static Optimizer adam() {
        return of(OptimizerType.ADAM);
    }
}
