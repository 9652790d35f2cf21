package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.dataset.DataSet;
import io.neuralworkbench.engine.eval.RocCurves;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EvaluationChartsTest {
    private RocCurveChart roc;
    private PrecisionRecallChart precisionRecall;
    private PredictedVsActualChart predictedVsActual;
    private ResidualHistogram residuals;

    @Start
    void start(Stage stage) {
        roc = new RocCurveChart();
        precisionRecall = new PrecisionRecallChart();
        predictedVsActual = new PredictedVsActualChart();
        residuals = new ResidualHistogram();
        stage.setScene(new Scene(new HBox(roc, precisionRecall, predictedVsActual, residuals), 1200, 400));
        stage.show();
    }

    @Test
    void rocAndPrecisionRecallDrawEachClassWithItsAreaInTheLegend() throws Exception {
        float[][] probabilities = {{0.8f, 0.2f, 0f}, {0.4f, 0.6f, 0f}, {0.3f, 0.7f, 0f}, {0.6f, 0.4f, 0f}};
        List<RocCurves.ClassCurves> curves =
                RocCurves.oneVsRest(probabilities, new int[] {0, 0, 1, 1}, List.of("cat", "dog", "bird"));

        WaitForAsyncUtils.asyncFx(() -> {
            roc.setCurves(curves);
            precisionRecall.setCurves(curves);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        // cat: positives 0.8, 0.4 vs negatives 0.3, 0.6 → 3 of 4 pairs right.
        assertThat(roc.curveDataSets()).extracting(DataSet::getName)
                .containsExactly("cat (AUC 0.750)", "dog (AUC 0.750)");
        assertThat(roc.chart().getAllDatasets()).extracting(DataSet::getName).contains("chance (AUC 0.5)");
        DataSet cat = roc.curveDataSets().get(0);
        assertThat(cat.get(DataSet.DIM_X, 0)).isZero();
        assertThat(cat.get(DataSet.DIM_Y, cat.getDataCount() - 1)).isEqualTo(1.0);
        assertThat(precisionRecall.curveDataSets()).extracting(DataSet::getName).allMatch(n -> n.contains("(AP "));
        assertThat(((javafx.scene.control.Label) roc.getBottom()).getText()).contains("No curve for bird");
    }

    @Test
    void regressionChartsDrawTheScatterTheDiagonalAndTheResidualCounts() throws Exception {
        double[] actual = new double[100];
        double[] predicted = new double[100];
        for (int i = 0; i < 100; i++) {
            actual[i] = i;
            predicted[i] = i + (i % 2 == 0 ? 1 : -1) * (i % 7);
        }

        WaitForAsyncUtils.asyncFx(() -> {
            predictedVsActual.setData(actual, predicted);
            residuals.setData(actual, predicted);
        }).get();

        assertThat(predictedVsActual.samples().getDataCount()).isEqualTo(100);
        DataSet diagonal = predictedVsActual.diagonal();
        assertThat(diagonal.get(DataSet.DIM_X, 0)).isEqualTo(diagonal.get(DataSet.DIM_Y, 0));
        assertThat(diagonal.get(DataSet.DIM_X, 1)).isEqualTo(diagonal.get(DataSet.DIM_Y, 1)).isGreaterThanOrEqualTo(99);
        DataSet bins = residuals.bins();
        assertThat(bins.getDataCount()).isEqualTo(10);
        double total = 0;
        for (int b = 0; b < bins.getDataCount(); b++) {
            total += bins.get(DataSet.DIM_Y, b);
        }
        assertThat(total).isEqualTo(100);
        // Residuals run from -6 to 6, so the bins are centred around zero.
        assertThat(bins.get(DataSet.DIM_X, 0)).isCloseTo(-5.4, org.assertj.core.api.Assertions.within(1e-9));
    }
}
