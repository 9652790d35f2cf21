package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * How large each batch's weight update is next to the weights (‖update‖ / ‖weights‖), per batch on a log axis:
 * around 1e-3 is usual; far above, training may blow up; far below, it barely learns. Drawn from the per-batch
 * figures of a {@link TrainingEventBuffer}, once per frame; a run whose backend does not measure updates says so.
 */
public class UpdateRatioChart extends ChartComponent {
    private static final double SMOOTHING = 0.9;

    private final XYChart chart = XYCharts.newChart("batch", "update / weights");
    private final DoubleDataSet raw = XYCharts.line("per batch", categoryColor(3), 0.25, 1, false, false);
    private final DoubleDataSet smoothed = XYCharts.line("update ratio", categoryColor(3), 1, 1.5, false, true);
    private TrainingEventBuffer buffer;
    private TrainingEventBuffer.Cursor cursor;
    private SeriesSmoother smoother = new SeriesSmoother(SMOOTHING);
    private boolean sawBatches;

    /** @param buffer the run to draw, or null for none yet (see {@link #follow}) */
    public UpdateRatioChart(TrainingEventBuffer buffer) {
        XYCharts.yAxis(chart).setLogAxis(true);
        setCenter(chart);
        runEachFrameWhileShown(now -> pullNow());
        follow(buffer);
    }

    /**
     * Draws another run from now on (the last run's points are cleared); reusing the chart spares a new chart's
     * first layout, which is slow. Call on the FX thread.
     *
     * @param newBuffer the run to follow, or null for none
     */
    public void follow(TrainingEventBuffer newBuffer) {
        raw.clearData();
        smoothed.clearData();
        XYCharts.renderer(chart).getDatasets().clear();
        smoother = new SeriesSmoother(SMOOTHING);
        sawBatches = false;
        chart.setTitle("");
        buffer = newBuffer;
        cursor = newBuffer == null ? null : newBuffer.newCursor();
        pullNow();
    }

    /** Pulls the batches trained since the last frame. */
    public void pullNow() {
        if (buffer == null) {
            return;
        }
        TrainingEventBuffer.Update update = buffer.pull(cursor);
        if (update.isEmpty()) {
            return;
        }
        if (update.iterationsReset()) {
            raw.clearData();
            smoothed.clearData();
            smoother = new SeriesSmoother(SMOOTHING);
        }
        double[] x = update.iterations();
        double[] ratios = update.updateRatios();
        for (int i = 0; i < x.length; i++) {
            sawBatches = true;
            if (Double.isFinite(ratios[i]) && ratios[i] > 0) {
                raw.add(x[i], ratios[i]);
                smoothed.add(x[i], smoother.add(ratios[i]));
            }
        }
        var shown = XYCharts.renderer(chart).getDatasets();
        if (raw.getDataCount() > 0 && shown.isEmpty()) {
            shown.addAll(raw, smoothed);
        }
        String title = sawBatches && raw.getDataCount() == 0 ? "Not measured: this run's backend does not report"
                + " its updates" : "";
        if (!title.equals(chart.getTitle() == null ? "" : chart.getTitle())) {
            chart.setTitle(title);
        }
    }

    /** The raw ratio per batch (for tests and exports). */
    public DoubleDataSet dataSet() {
        return raw;
    }

    public XYChart chart() {
        return chart;
    }
}
