package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * Regression: how the residuals (actual − predicted) are distributed. A good model's histogram is narrow and
 * centred on zero; a shifted or skewed one shows a bias.
 */
public class ResidualHistogram extends ChartComponent {
    private final XYChart chart = XYCharts.newChart("residual (actual − predicted)", "samples");
    private final DoubleDataSet bins = XYCharts.line("residuals", categoryColor(0), 0.8, 1.5, false, true);

    public ResidualHistogram() {
        XYCharts.addRenderer(chart, LineStyle.HISTOGRAM_FILLED, false).getDatasets().add(bins);
        XYCharts.renderer(chart).getDatasets().clear();
        XYCharts.yAxis(chart).setForceZeroInRange(true);
        setCenter(chart);
    }

    /** Bins the residuals: about √n bins, between 5 and 60. */
    public void setData(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual values but " + predicted.length
                    + " predictions");
        }
        int n = actual.length;
        if (n == 0) {
            bins.clearData();
            return;
        }
        double[] residuals = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            residuals[i] = actual[i] - predicted[i];
            min = Math.min(min, residuals[i]);
            max = Math.max(max, residuals[i]);
        }
        int binCount = Math.max(5, Math.min(60, (int) Math.ceil(Math.sqrt(n))));
        double width = max > min ? (max - min) / binCount : 1;
        double[] counts = new double[binCount];
        for (double residual : residuals) {
            int bin = (int) Math.min(binCount - 1, Math.floor((residual - min) / width));
            counts[bin]++;
        }
        double[] centres = new double[binCount];
        for (int b = 0; b < binCount; b++) {
            centres[b] = min + (b + 0.5) * width;
        }
        bins.set(centres, counts);
    }

    /** Bin centres (x) and counts (y). */
    public DoubleDataSet bins() {
        return bins;
    }
}
