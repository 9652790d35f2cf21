package io.neuralworkbench.engine.training;

/**
 * How the learning rate changes over the epochs of a run. Computed by the engine (not the backend) so that
 * every backend follows the same curve and the UI can plot it before training.
 *
 * @param type          the shape of the curve
 * @param stepEpochs    STEP: multiply by {@code factor} every this many epochs
 * @param factor        STEP and EXPONENTIAL: the multiplier (0 &lt; factor ≤ 1)
 * @param minimumFactor COSINE: the final rate as a fraction of the initial one
 */
public record LearningRateSchedule(Type type, int stepEpochs, double factor, double minimumFactor) {

    public enum Type { CONSTANT, STEP, EXPONENTIAL, COSINE }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Type.CONSTANT, 10, 0.5, 0.0);
    }

    public static LearningRateSchedule step(int everyEpochs, double factor) {
        return new LearningRateSchedule(Type.STEP, everyEpochs, factor, 0.0);
    }

    public static LearningRateSchedule exponential(double factorPerEpoch) {
        return new LearningRateSchedule(Type.EXPONENTIAL, 1, factorPerEpoch, 0.0);
    }

    public static LearningRateSchedule cosine(double minimumFactor) {
        return new LearningRateSchedule(Type.COSINE, 1, 1.0, minimumFactor);
    }

    /** The rate to use during {@code epoch} (0-based) of a run of {@code totalEpochs}. */
    public double rateAt(double initialRate, int epoch, int totalEpochs) {
        return switch (type) {
            case CONSTANT -> initialRate;
            case STEP -> initialRate * Math.pow(factor, epoch / Math.max(1, stepEpochs));
            case EXPONENTIAL -> initialRate * Math.pow(factor, epoch);
            case COSINE -> {
                double progress = totalEpochs <= 1 ? 0.0 : (double) epoch / (totalEpochs - 1);
                double minimum = initialRate * minimumFactor;
                yield minimum + (initialRate - minimum) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
        };
    }
}
