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
    private final TrainingEventBuffer buffer;
    private final TrainingEventBuffer.Cursor cursor;
    private SeriesSmoother smoother = new SeriesSmoother(SMOOTHING);
    private boolean sawBatches;

    public UpdateRatioChart(TrainingEventBuffer buffer) {
        this.buffer = buffer;
        this.cursor = buffer.newCursor();
        XYCharts.yAxis(chart).setLogAxis(true);
        setCenter(chart);
        runEachFrameWhileShown(now -> pullNow());
        pullNow();
    }

    /** Pulls the batches trained since the last frame. */
    public void pullNow() {
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
