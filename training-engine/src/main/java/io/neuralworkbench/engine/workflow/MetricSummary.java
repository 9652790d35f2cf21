package io.neuralworkbench.engine.workflow;

/**
 * A metric over the folds of a cross-validation: the mean and the sample standard deviation (divided by
 * n − 1, as the folds are a sample of the splits the data could have had; NaN for fewer than two folds).
 *
 * @param metric the metric's CLI name, e.g. {@code accuracy} or {@code rmse}
 */
public record MetricSummary(String metric, double mean, double standardDeviation) {

    public static MetricSummary of(String metric, double[] foldValues) {
        int n = foldValues.length;
        double mean = 0;
        for (double value : foldValues) {
            mean += value;
        }
        mean = n == 0 ? Double.NaN : mean / n;
        double squaredDeviations = 0;
        for (double value : foldValues) {
            squaredDeviations += (value - mean) * (value - mean);
        }
        return new MetricSummary(metric, mean, n < 2 ? Double.NaN : Math.sqrt(squaredDeviations / (n - 1)));
    }
}
