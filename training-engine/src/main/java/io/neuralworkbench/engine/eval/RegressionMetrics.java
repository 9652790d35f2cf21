package io.neuralworkbench.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How close predicted values are to the actual ones. With several targets every metric is computed per
 * target and then averaged with equal weight, as scikit-learn's {@code multioutput="uniform_average"} does
 * (so {@code rmse} is the mean of the per-target RMSEs, not the square root of {@code mse}).
 *
 * @param r2 the coefficient of determination; for a target whose actual values are all equal it is 1 when
 *           every prediction is exact and 0 otherwise, instead of the undefined 0/0
 */
public record RegressionMetrics(double mse, double rmse, double mae, double r2) {

    /** Metrics for a single target: one value per sample. */
    public static RegressionMetrics compute(double[] actual, double[] predicted) {
        return compute(asColumn(actual), asColumn(predicted));
    }

    /** Metrics for one or more targets: one row per sample, one column per target. */
    public static RegressionMetrics compute(double[][] actual, double[][] predicted) {
        int targetCount = checkedTargetCount(actual, predicted);
        double mse = 0;
        double rmse = 0;
        double mae = 0;
        double r2 = 0;
        for (int t = 0; t < targetCount; t++) {
            RegressionMetrics target = computeTarget(actual, predicted, t);
            mse += target.mse;
            rmse += target.rmse;
            mae += target.mae;
            r2 += target.r2;
        }
        return new RegressionMetrics(mse / targetCount, rmse / targetCount, mae / targetCount, r2 / targetCount);
    }

    /** The metrics under the names the command line's JSON output uses, in a stable order. */
    public Map<String, Double> toMap() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("r2", r2);
        metrics.put("mse", mse);
        metrics.put("rmse", rmse);
        metrics.put("mae", mae);
        return Collections.unmodifiableMap(metrics);
    }

    private static RegressionMetrics computeTarget(double[][] actual, double[][] predicted, int target) {
        int n = actual.length;
        double mean = 0;
        for (double[] row : actual) {
            mean += row[target];
        }
        mean /= n;

        double squaredErrors = 0;
        double absoluteErrors = 0;
        double squaredDeviations = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i][target] - predicted[i][target];
            squaredErrors += error * error;
            absoluteErrors += Math.abs(error);
            double deviation = actual[i][target] - mean;
            squaredDeviations += deviation * deviation;
        }
        double mse = squaredErrors / n;
        double r2;
        if (squaredDeviations == 0) {
            r2 = squaredErrors == 0 ? 1 : 0;
        } else {
            r2 = 1 - squaredErrors / squaredDeviations;
        }
        return new RegressionMetrics(mse, Math.sqrt(mse), absoluteErrors / n, r2);
    }

    private static int checkedTargetCount(double[][] actual, double[][] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual rows but " + predicted.length + " predicted rows");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        int targetCount = actual[0].length;
        if (targetCount == 0) {
            throw new IllegalArgumentException("no targets to evaluate");
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i].length != targetCount || predicted[i].length != targetCount) {
                throw new IllegalArgumentException("sample " + i + " has " + actual[i].length + " actual and "
                        + predicted[i].length + " predicted values, expected " + targetCount);
            }
        }
        return targetCount;
    }

    private static double[][] asColumn(double[] values) {
        double[][] column = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            column[i] = new double[] {values[i]};
        }
        return column;
    }
}
