package io.neuralworkbench.app.gui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.LinearScaling;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.eval.ClassificationMetrics;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.eval.RegressionMetrics;
import org.junit.jupiter.api.Test;

/** The plain parts of the Evaluate view's model: results, cells, metric rows, thumbnails. No screen, no training. */
class EvaluationResultTest {
    private static final FittedPreprocessing THREE_CLASSES = new FittedPreprocessing("label",
            TaskType.CLASSIFICATION, List.of(), List.of("a", "b", "c"), null);

    private static float[] oneHot(int k) {
        float[] row = new float[3];
        row[k] = 1;
        return row;
    }

    @Test
    void aCellListsItsSamplesMostConfidentFirstAndTheMatrixCountsThem() {
        float[][] outputs = {
            {0.7f, 0.2f, 0.1f}, {0.1f, 0.6f, 0.3f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.5f, 0.3f}, {0.1f, 0.1f, 0.8f},
            {0.9f, 0.05f, 0.05f},
        };
        float[][] targets = {oneHot(0), oneHot(1), oneHot(0), oneHot(0), oneHot(2), oneHot(0)};
        List<String> ids = List.of("line 2", "line 3", "line 4", "line 5", "line 6", "line 7");
        EvaluationResult result = EvaluationResult.of("six rows", THREE_CLASSES, outputs, targets, ids,
                List.of("r2", "r3", "r4", "r5", "r6", "r7"), null, List.of());

        // Actual a, predicted b: lines 4 (0.8) and 5 (0.5); the confusion matrix says 2 as well.
        assertThat(result.samplesIn(0, 1)).extracting(EvaluatedSample::id).containsExactly("line 4", "line 5");
        assertThat(result.report().classification().confusionMatrix().get(0).get(1)).isEqualTo(2);
        assertThat(result.samplesIn(0, 0)).extracting(EvaluatedSample::id).containsExactly("line 7", "line 2");
        assertThat(result.samplesIn(2, 0)).isEmpty();
        assertThat(result.samplesIn(0, 1).get(0).confidence()).isCloseTo(0.8, within(1e-6));
        assertThat(result.report().classification().accuracy()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(result.curves()).hasSize(3).allSatisfy(curve -> assertThat(curve.defined()).isTrue());
    }

    @Test
    void regressionSamplesCarryValuesInTheTargetsUnits() {
        FittedPreprocessing price = new FittedPreprocessing("price", TaskType.REGRESSION, List.of(), List.of(),
                new LinearScaling(100, 10));
        EvaluationResult result = EvaluationResult.of("two rows", price, new float[][] {{0.5f}, {-1f}},
                new float[][] {{0f}, {-1f}}, List.of("line 2", "line 3"), List.of("", ""), null, List.of());

        assertThat(result.actualValues()).containsExactly(100, 90);
        assertThat(result.predictedValues()).containsExactly(105, 90);
        assertThat(result.report().regression().mae()).isCloseTo(2.5, within(1e-9));
        assertThat(result.curves()).isEmpty();
        assertThat(result.largestErrors(1)).extracting(EvaluatedSample::id).containsExactly("line 2");
        assertThat(result.largestErrors(5)).hasSize(2);
        assertThat(result.isClassification()).isFalse();
    }

    @Test
    void noSamplesIsAClearUserError() {
        assertThatThrownBy(() -> EvaluationResult.of("an empty file", THREE_CLASSES, new float[0][], new float[0][],
                List.of(), List.of(), null, List.of()))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("an empty file holds no samples");
    }

    @Test
    void metricRowsGiveAccuracyAndAveragesOrTheRegressionErrors() {
        EvaluationReport classification = new EvaluationReport(4, ClassificationMetrics.compute(
                new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, List.of("a", "b")), null);
        List<EvaluateViewModel.MetricRow> rows = EvaluateViewModel.metricRows(classification);
        assertThat(rows).extracting(EvaluateViewModel.MetricRow::name).containsExactly("Accuracy",
                "Precision (macro average)", "Recall (macro average)", "F1 (macro average)",
                "Precision (weighted average)", "Recall (weighted average)", "F1 (weighted average)");
        assertThat(rows.get(0).value()).isEqualTo(0.75);
        assertThat(rows.get(2).value()).isCloseTo(0.75, within(1e-9));

        EvaluationReport regression = new EvaluationReport(2, null,
                RegressionMetrics.compute(new double[] {1, 3}, new double[] {2, 3}));
        assertThat(EvaluateViewModel.metricRows(regression)).extracting(EvaluateViewModel.MetricRow::name)
                .containsExactly("MSE", "RMSE", "MAE", "R²");
        assertThat(EvaluateViewModel.metricRows(regression).get(0).value()).isEqualTo(0.5);
    }

    @Test
    void numbersAreShownShortAndReadable() {
        assertThat(EvaluateView.shortNumber("5.855882352941177")).isEqualTo("5.856");
        assertThat(EvaluateView.shortNumber("1000")).isEqualTo("1000");
        assertThat(EvaluateView.shortNumber("0.0")).isEqualTo("0");
        assertThat(EvaluateView.shortNumber("Biscoe")).isEqualTo("Biscoe");
        assertThat(EvaluateView.number(0.95652)).isEqualTo("0.9565");
        assertThat(EvaluateView.number(0.00304)).isEqualTo("0.003040");
        assertThat(EvaluateView.number(1_312_345.6)).isEqualTo("1.312e+06");
    }

    @Test
    void aThumbnailStretchesTheFeatureRowToUnitRange() {
        SampleImage image = SampleImage.fromFeatures(new float[] {-1, 0, 1, 3}, 2, 2, 1);

        assertThat(image.level(0, 0, 0)).isEqualTo(0f);
        assertThat(image.level(0, 0, 1)).isEqualTo(0.25f);
        assertThat(image.level(0, 1, 1)).isEqualTo(1f);
        assertThatThrownBy(() -> SampleImage.fromFeatures(new float[3], 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
