package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fair_acc.dataset.DataSet;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.LearningRateSchedule;

import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The learning-rate chart (planned and used rates) and the update-ratio chart, drawn from buffers. */
@ExtendWith(ApplicationExtension.class)
class SideChartsTest {
    private final TrainingEventBuffer measured = new TrainingEventBuffer(8);
    private final TrainingEventBuffer unmeasured = new TrainingEventBuffer();
    private UpdateRatioChart ratios;
    private UpdateRatioChart noRatios;
    private LearningRateChart plan;

    @Start
    void start(Stage stage) {
        ratios = new UpdateRatioChart(measured);
        noRatios = new UpdateRatioChart(unmeasured);
        plan = new LearningRateChart();
        stage.setScene(new Scene(new VBox(ratios, noRatios, plan), 600, 900));
        stage.show();
    }

    @Test
    void updateRatiosArePlottedPerBatchAndSurviveTheBuffersCompaction(FxRobot robot) {
        for (int i = 0; i < 6; i++) {
            measured.onIteration(new IterationEvent(0, i, 1.0, i / 20.0, 0.01, 1e-3 * (i + 1)));
        }
        WaitForAsyncUtils.waitForFxEvents(); // the frame timer pulls
        robot.interact(() -> ratios.pullNow());
        assertThat(ratios.dataSet().getDataCount()).isEqualTo(6);
        assertThat(ratios.dataSet().get(DataSet.DIM_Y, 5)).isEqualTo(6e-3);

        // Capacity 8: the 9th and 11th batches each merge the older half (the first four batches become one
        // point, their mean), and the chart reloads the whole series.
        for (int i = 6; i < 12; i++) {
            measured.onIteration(new IterationEvent(0, i, 1.0, i / 20.0, 0.01, 1e-3 * (i + 1)));
        }
        robot.interact(() -> ratios.pullNow());
        DataSet points = ratios.dataSet();
        assertThat(points.getDataCount()).isLessThan(12).isGreaterThan(0);
        assertThat(points.get(DataSet.DIM_Y, points.getDataCount() - 1)).isEqualTo(12e-3);
        assertThat(points.get(DataSet.DIM_Y, 0)).isCloseTo(2.5e-3, within(1e-12));
        assertThat(ratios.chart().getTitle()).isNullOrEmpty();
    }

    @Test
    void aRunWithoutUpdateFiguresSaysTheyWereNotMeasured(FxRobot robot) {
        unmeasured.onIteration(new IterationEvent(0, 0, 1.0, 0.5));

        robot.interact(() -> noRatios.pullNow());

        assertThat(noRatios.dataSet().getDataCount()).isZero();
        assertThat(noRatios.chart().getTitle()).contains("Not measured");
    }

    @Test
    void plannedRatesShowTheScheduleAndUsedRatesFollowTheRun(FxRobot robot) {
        LearningRateSchedule step = LearningRateSchedule.step(2, 0.5);
        double[] rates = new double[5];
        for (int epoch = 0; epoch < rates.length; epoch++) {
            rates[epoch] = step.rateAt(0.1, epoch, rates.length);
        }

        robot.interact(() -> plan.showPlanned(rates));

        DataSet planned = plan.plannedDataSet();
        assertThat(planned.getDataCount()).isEqualTo(5);
        assertThat(planned.get(DataSet.DIM_Y, 1)).isEqualTo(0.1);
        assertThat(planned.get(DataSet.DIM_Y, 2)).isEqualTo(0.05);
        assertThat(planned.get(DataSet.DIM_Y, 4)).isEqualTo(0.025);

        TrainingEventBuffer run = new TrainingEventBuffer();
        run.onEpoch(new EpochEvent(0, 5, 1, 0.5, 1, 0.5, 0.1, 100, 1, 4));
        LearningRateChart used = WaitForAsyncUtils.waitForAsyncFx(5000, () -> new LearningRateChart(run));
        assertThat(used.dataSet().getDataCount()).isEqualTo(1);
        assertThat(used.dataSet().get(DataSet.DIM_Y, 0)).isEqualTo(0.1);
        assertThat(used.plannedDataSet().getDataCount()).isZero();
    }
}
