package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.neuralworkbench.engine.training.EpochEvent;


/**
 * The learning rate of each epoch, so a schedule's steps and decay are visible: the rates a run used (from its
 * buffer) and, dashed, the rates a configuration plans before it trains ({@link #showPlanned}).
 */
public class LearningRateChart extends ChartComponent {
    private final XYChart chart = XYCharts.newChart("epoch", "learning rate");
    private final DoubleDataSet rates = XYCharts.line("learning rate", categoryColor(2), 1, 2, false, true);
    private final DoubleDataSet planned = XYCharts.line("planned", categoryColor(6), 1, 1.5, true, true);
    private TrainingEventBuffer buffer;
    private TrainingEventBuffer.Cursor cursor;
    private boolean pulling;

    /** A chart of the planned rates only, for a settings form. */
    public LearningRateChart() {
        this(null);
    }

    /** @param buffer the run whose rates to draw live, or null for a chart of planned rates only */
    public LearningRateChart(TrainingEventBuffer buffer) {
        XYCharts.yAxis(chart).setForceZeroInRange(true);
        setCenter(chart);
        follow(buffer);
    }

    /**
     * Draws the rates of another run from now on (the last run's are cleared); reusing the chart spares a new
     * chart's first layout, which is slow. Call on the FX thread.
     *
     * @param newBuffer the run to follow, or null for none
     */
    public void follow(TrainingEventBuffer newBuffer) {
        rates.clearData();
        buffer = newBuffer;
        cursor = newBuffer == null ? null : newBuffer.newCursor();
        if (newBuffer != null && !pulling) {
            pulling = true; // a chart of planned rates only never needs a timer
            runEachFrameWhileShown(now -> pullNow());
        }
        pullNow();
    }

    /** Pulls the epochs ended since the last frame. */
    public void pullNow() {
        if (buffer == null) {
            showNonEmpty();
            return;
        }
        for (EpochEvent epoch : buffer.pull(cursor).newEpochs()) {
            if (epoch.learningRate() > 0) {
                rates.add(epoch.epoch() + 1, epoch.learningRate());
            }
        }
        showNonEmpty();
    }

    /** Draws the rate each epoch will use, epoch 1 first (dashed); an empty array clears it. Call on the FX thread. */
    public void showPlanned(double[] ratePerEpoch) {
        planned.clearData();
        for (int epoch = 0; epoch < ratePerEpoch.length; epoch++) {
            planned.add(epoch + 1, ratePerEpoch[epoch]);
        }
        showNonEmpty();
        // The plan sets the epochs shown: without a frame timer driving this chart, ChartFX's auto-range kept
        // the first plan's range when the number of epochs changed.
        if (ratePerEpoch.length > 0) {
            XYCharts.fixRange(XYCharts.xAxis(chart), 1, Math.max(2, ratePerEpoch.length));
        }
    }

    /** An empty ChartFX data set leaves the auto-ranging axes undefined, so only curves with points are shown. */
    private void showNonEmpty() {
        var shown = XYCharts.renderer(chart).getDatasets();
        for (DoubleDataSet dataSet : new DoubleDataSet[] {planned, rates}) {
            boolean wanted = dataSet.getDataCount() > 0;
            if (wanted && !shown.contains(dataSet)) {
                shown.add(dataSet);
            } else if (!wanted) {
                shown.remove(dataSet);
            }
        }
    }

    public DoubleDataSet dataSet() {
        return rates;
    }

    public DoubleDataSet plannedDataSet() {
        return planned;
    }

    public XYChart chart() {
        return chart;
    }
}
