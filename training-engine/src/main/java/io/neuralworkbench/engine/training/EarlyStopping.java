package io.neuralworkbench.engine.training;

/**
 * Stop when the monitored validation metric has not improved for {@code patience} epochs, and keep the model
 * from the best epoch rather than the last.
 */
public record EarlyStopping(boolean enabled, Metric metric, int patience) {

    public enum Metric {
        VALIDATION_LOSS(false), VALIDATION_ACCURACY(true);

        private final boolean higherIsBetter;

        Metric(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }

    public static EarlyStopping off() {
        return new EarlyStopping(false, Metric.VALIDATION_LOSS, 5);
    }

    public static EarlyStopping onValidationLoss(int patience) {
        return new EarlyStopping(true, Metric.VALIDATION_LOSS, patience);
    }
}
