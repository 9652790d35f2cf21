package io.neuralworkbench.charts;

/**
 * Exponential moving average for plotting noisy curves such as the per-batch loss:
 * {@code smoothed = weight * previousSmoothed + (1 - weight) * value}, starting at the first value.
 * Non-finite values (a diverged loss) are passed through as they are, so the chart shows the gap, and do not
 * poison the average of the points after them.
 */
public final class SeriesSmoother {
    private final double weight;
    private double smoothed = Double.NaN;

    /** @param weight how much of the history each point keeps, in [0, 1): 0 does not smooth, 0.9 smooths a lot */
    public SeriesSmoother(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), was " + weight);
        }
        this.weight = weight;
    }

    /** Smooths a whole series at once. */
    public static double[] smooth(double[] values, double weight) {
        SeriesSmoother smoother = new SeriesSmoother(weight);
        double[] smoothed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            smoothed[i] = smoother.add(values[i]);
        }
        return smoothed;
    }

    /** Adds the next point of a live series and returns its smoothed value. */
    public double add(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        smoothed = Double.isNaN(smoothed) ? value : weight * smoothed + (1 - weight) * value;
        return smoothed;
    }
}
