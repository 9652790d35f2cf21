package io.neuralworkbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
    private static final Offset<Double> CLOSE = within(1e-12);

    @Test
    void matchesTheHandComputedSingleTargetExample() {
        // errors 0.5, -0.5, 0, -1 -> MSE (0.25+0.25+0+1)/4 = 0.375, MAE 2/4 = 0.5.
        // mean of actual = 2.875, sum of squared deviations = 29.1875 -> R2 = 1 - 1.5/29.1875 = 0.94860813704...
        // (scikit-learn's r2_score documentation example: 0.948...)
        RegressionMetrics metrics = RegressionMetrics.compute(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0, 2, 8});

        assertThat(metrics.mse()).isCloseTo(0.375, CLOSE);
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(0.375), CLOSE);
        assertThat(metrics.mae()).isCloseTo(0.5, CLOSE);
        assertThat(metrics.r2()).isCloseTo(1 - 1.5 / 29.1875, CLOSE);
    }

    @Test
    void averagesEachMetricOverTargets() {
        // Target 0: actual 0.5, -1, 7 vs 0, -1, 8 -> squared errors 0.25, 0, 1 -> MSE 1.25/3, MAE 1.5/3,
        //   mean 13/6, squared deviations 217/6 -> R2 = 1 - 1.25/(217/6) = 1 - 7.5/217.
        // Target 1: actual 1, 1, -6 vs 2, 2, -5 -> squared errors 1, 1, 1 -> MSE 1, MAE 1,
        //   mean -4/3, squared deviations 98/3 -> R2 = 1 - 3/(98/3) = 1 - 9/98.
        // Uniform averages as scikit-learn: MSE 0.70833, MAE 0.75, R2 0.93680, RMSE (sqrt(1.25/3) + 1)/2.
        double[][] actual = {{0.5, 1}, {-1, 1}, {7, -6}};
        double[][] predicted = {{0, 2}, {-1, 2}, {8, -5}};

        RegressionMetrics metrics = RegressionMetrics.compute(actual, predicted);

        assertThat(metrics.mse()).isCloseTo((1.25 / 3 + 1) / 2, CLOSE);
        assertThat(metrics.rmse()).isCloseTo((Math.sqrt(1.25 / 3) + 1) / 2, CLOSE);
        assertThat(metrics.mae()).isCloseTo(0.75, CLOSE);
        assertThat(metrics.r2()).isCloseTo(((1 - 7.5 / 217) + (1 - 9.0 / 98)) / 2, CLOSE);
    }

    @Test
    void constantTargetGivesR2OfOneWhenExactAndZeroOtherwise() {
        double[] constant = {4, 4, 4};

        assertThat(RegressionMetrics.compute(constant, new double[] {4, 4, 4}).r2()).isEqualTo(1.0);
        assertThat(RegressionMetrics.compute(constant, new double[] {4, 5, 4}).r2()).isEqualTo(0.0);
    }

    @Test
    void toMapUsesTheCommandLineMetricNames() {
        RegressionMetrics metrics = new RegressionMetrics(0.25, 0.5, 0.4, 0.9);

        assertThat(metrics.toMap()).containsExactly(
                entry("r2", 0.9),
                entry("mse", 0.25),
                entry("rmse", 0.5),
                entry("mae", 0.4));
    }

    @Test
    void survivesAJsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        RegressionMetrics metrics = RegressionMetrics.compute(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0, 2, 8});

        String json = mapper.writeValueAsString(metrics);

        assertThat(mapper.readValue(json, RegressionMetrics.class)).isEqualTo(metrics);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegressionMetrics.compute(new double[] {1, 2}, new double[] {1}))
                .withMessageContaining("2 actual rows but 1 predicted rows");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegressionMetrics.compute(new double[][] {{1, 2}, {3}}, new double[][] {{1, 2}, {3, 4}}))
                .withMessageContaining("sample 1 has 1 actual and 2 predicted values, expected 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegressionMetrics.compute(new double[0], new double[0]))
                .withMessageContaining("no samples");
    }
}
