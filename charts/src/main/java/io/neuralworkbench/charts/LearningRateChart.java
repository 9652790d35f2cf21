package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.neuralworkbench.engine.training.EpochEvent;


/**
 * The learning rate of each epoch, so a schedule's steps and decay are visible. The engine's
 * events carry the learning rate per epoch only; gradient norms and update ratios are not in its events, so
 * there is no chart for them yet.
 */
public class LearningRateChart extends ChartComponent {
    private final XYChart chart = XYCharts.newChart("epoch", "learning rate");
    private final DoubleDataSet rates = XYCharts.line("learning rate", categoryColor(2), 1, 2, false, true);
    private final TrainingEventBuffer buffer;
    private final TrainingEventBuffer.Cursor cursor;

    public LearningRateChart(TrainingEventBuffer buffer) {
        this.buffer = buffer;
        this.cursor = buffer.newCursor();
        XYCharts.yAxis(chart).setForceZeroInRange(true);
        XYCharts.renderer(chart).getDatasets().add(rates);
        setCenter(chart);
        runEachFrameWhileShown(now -> pullNow());
        pullNow();
    }

    /** Pulls the epochs ended since the last frame. */
    public void pullNow() {
        for (EpochEvent epoch : buffer.pull(cursor).newEpochs()) {
            if (epoch.learningRate() > 0) {
                rates.add(epoch.epoch() + 1, epoch.learningRate());
            }
        }
    }

    public DoubleDataSet dataSet() {
        return rates;
    }
}
