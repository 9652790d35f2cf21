package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.DataSet;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TrainingCurvesChartTest {
    private TrainingCurvesChart chart;
    private final TrainingEventBuffer buffer = new TrainingEventBuffer();

    @Start
    void start(Stage stage) {
        chart = new TrainingCurvesChart();
        chart.addRun("run 1", buffer);
        stage.setScene(new Scene(chart, 800, 600));
        stage.show();
    }

    /** What a training loop does: batches with a falling loss and an epoch event every 50 batches. */
    private static void train(TrainingEventBuffer buffer, int epochs, double lossScale) {
        long iteration = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int b = 0; b < 50; b++, iteration++) {
                buffer.onIteration(new IterationEvent(epoch, iteration, lossScale * Math.exp(-iteration / 100.0), 0));
            }
            buffer.onEpoch(new EpochEvent(epoch, epochs, lossScale / (epoch + 1), 0.5 + epoch * 0.1,
                    1.1 * lossScale / (epoch + 1), 0.45 + epoch * 0.1, 0.01, 1000, epoch, 0));
        }
    }

    @Test
    void pointsWrittenOnAnotherThreadAppearAfterAFrame() throws Exception {
        Thread trainer = new Thread(() -> train(buffer, 3, 1.0), "training");
        trainer.start();
        trainer.join(TimeUnit.SECONDS.toMillis(10));

        // No explicit pull: the chart's frame timer picks the points up.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> chart.dataSet("run 1", TrainingCurvesChart.Curve.BATCH_LOSS).getDataCount()).get() == 150);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            DataSet smoothed = chart.dataSet("run 1", TrainingCurvesChart.Curve.BATCH_LOSS_SMOOTHED);
            DataSet validation = chart.dataSet("run 1", TrainingCurvesChart.Curve.VALIDATION_LOSS);
            assertThat(smoothed.getDataCount()).isEqualTo(150);
            assertThat(validation.getDataCount()).isEqualTo(3);
            // Epoch figures sit at the batch where their epoch ended.
            assertThat(validation.get(DataSet.DIM_X, 2)).isEqualTo(149);
            assertThat(chart.dataSet("run 1", TrainingCurvesChart.Curve.TRAIN_ACCURACY).getDataCount()).isEqualTo(3);
            assertThat(chart.accuracyChart().getTitle()).isNullOrEmpty();
            assertThat(chart.lossChart().getXAxis().getMax()).isGreaterThanOrEqualTo(149);
        }).get();
    }

    /** Also with a second run that has no points yet: an empty ChartFX data set once left the axes at NaN. */
    @Test
    void curvesFedOverManyFramesArePainted() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> chart.addRun("not started", new TrainingEventBuffer())).get();
        long iteration = 0;
        for (int epoch = 0; epoch < 4; epoch++) {
            for (int b = 0; b < 20; b++, iteration++) {
                buffer.onIteration(new IterationEvent(epoch, iteration, Math.exp(-iteration / 30.0), 0));
                if (b % 5 == 0) {
                    WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
                }
            }
            buffer.onEpoch(new EpochEvent(epoch, 4, 1.0 / (epoch + 1), 0.5, 1.2 / (epoch + 1), 0.6, 0.01, 100, 1, 0));
        }
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents(5);

        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> chart.lossChart().getCanvas().snapshot(null, null)).get();
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getPixelReader().getColor(x, y).getSaturation() > 0.4) {
                    coloured++;
                }
            }
        }
        assertThat(chart.lossChart().getXAxis().getMax()).isGreaterThanOrEqualTo(79);
        assertThat(coloured).as("coloured pixels of the loss curves").isGreaterThan(200);
    }

    @Test
    void clickingLogScaleMakesTheLossAxisLogarithmic(FxRobot robot) throws Exception {
        train(buffer, 2, 1.0);
        DefaultNumericAxis yAxis = (DefaultNumericAxis) chart.lossChart().getYAxis();
        assertThat(yAxis.isLogAxis()).isFalse();

        robot.clickOn("#logScale");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(yAxis.isLogAxis()).isTrue();

        robot.clickOn("#logScale");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(yAxis.isLogAxis()).isFalse();
    }

    @Test
    void perEpochShowsEpochNumbersAndHidesTheBatchCurves(FxRobot robot) {
        train(buffer, 3, 1.0);
        WaitForAsyncUtils.waitForFxEvents(3);

        robot.clickOn("#perEpoch");
        WaitForAsyncUtils.waitForFxEvents();

        DataSet trainLoss = chart.dataSet("run 1", TrainingCurvesChart.Curve.TRAIN_LOSS);
        assertThat(trainLoss.get(DataSet.DIM_X, 0)).isEqualTo(1);
        assertThat(trainLoss.get(DataSet.DIM_X, 2)).isEqualTo(3);
        assertThat(chart.lossChart().getAllDatasets())
                .doesNotContain(chart.dataSet("run 1", TrainingCurvesChart.Curve.BATCH_LOSS));
        assertThat(chart.lossChart().getXAxis().getName()).isEqualTo("epoch");
    }

    @Test
    void overlaysSeveralRunsEachWithItsOwnCurves() throws Exception {
        train(buffer, 3, 1.0);
        TrainingEventBuffer second = new TrainingEventBuffer();
        train(second, 2, 3.0);
        WaitForAsyncUtils.asyncFx(() -> chart.addRun("run 2 (lr 0.1)", second)).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.runNames()).containsExactly("run 1", "run 2 (lr 0.1)");
        assertThat(chart.dataSet("run 2 (lr 0.1)", TrainingCurvesChart.Curve.TRAIN_LOSS).getDataCount()).isEqualTo(2);
        assertThat(chart.lossChart().getAllDatasets())
                .contains(chart.dataSet("run 1", TrainingCurvesChart.Curve.TRAIN_LOSS),
                        chart.dataSet("run 2 (lr 0.1)", TrainingCurvesChart.Curve.TRAIN_LOSS));
    }

    @Test
    void aRegressionRunSaysWhyItHasNoAccuracy() throws Exception {
        TrainingEventBuffer regression = new TrainingEventBuffer();
        regression.onIteration(new IterationEvent(0, 0, 0.8, 0.5));
        regression.onEpoch(new EpochEvent(0, 1, 0.8, Double.NaN, 0.9, Double.NaN, 0.01, 100, 1, 0));
        WaitForAsyncUtils.asyncFx(() -> {
            chart.removeRun("run 1");
            chart.addRun("regression", regression);
        }).get();

        assertThat(chart.dataSet("regression", TrainingCurvesChart.Curve.TRAIN_LOSS).getDataCount()).isEqualTo(1);
        assertThat(chart.dataSet("regression", TrainingCurvesChart.Curve.TRAIN_ACCURACY).getDataCount()).isZero();
        assertThat(chart.accuracyChart().getTitle()).contains("No accuracy for regression");
    }

    @Test
    void exportsANonEmptyPngAndACsvWithItsHeader(@TempDir Path folder) throws Exception {
        train(buffer, 2, 1.0);
        WaitForAsyncUtils.waitForFxEvents(3);
        Path png = folder.resolve("curves.png");
        Path csv = folder.resolve("out/curves.csv");

        WaitForAsyncUtils.asyncFx(() -> {
            chart.pullNow();
            chart.exportPng(png);
            chart.exportCsv(csv);
            return null;
        }).get();

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("run,curve,x_unit,x,y");
        assertThat(lines).contains("run 1,batch_loss,batch,0,1", "run 1,train_loss,epoch,1,1",
                "run 1,validation_accuracy,epoch,2,0.55");
        // 100 batches × (raw + smoothed) + 2 epochs × 4 curves
        assertThat(lines).hasSize(1 + 200 + 8);
        try (var files = Files.list(csv.getParent())) {
            assertThat(files).containsExactly(csv); // no temporary file left behind
        }
    }
}
