package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.dataset.spi.DoubleDataSet;

import javafx.scene.paint.Color;

/** Regression: each sample's prediction against its actual value, over the diagonal of perfect predictions. */
public class PredictedVsActualChart extends ChartComponent {
    private final XYChart chart = XYCharts.newChart("actual", "predicted");
    private final DoubleDataSet samples = XYCharts.markers("samples", categoryColor(0), 0.6, 3);
    private final DoubleDataSet diagonal = XYCharts.line("predicted = actual", Color.GRAY, 0.9, 1.5, true, true);

    public PredictedVsActualChart() {
        XYCharts.addRenderer(chart, LineStyle.NONE, true).getDatasets().add(samples);
        XYCharts.renderer(chart).getDatasets().add(diagonal);
        setCenter(chart);
    }

    /** @throws IllegalArgumentException if the arrays differ in length */
    public void setData(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual values but " + predicted.length
                    + " predictions");
        }
        samples.set(actual, predicted);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < actual.length; i++) {
            min = Math.min(min, Math.min(actual[i], predicted[i]));
            max = Math.max(max, Math.max(actual[i], predicted[i]));
        }
        diagonal.clearData();
        if (min <= max) {
            diagonal.add(min, min);
            diagonal.add(max, max);
        }
    }

    public DoubleDataSet samples() {
        return samples;
    }

    public DoubleDataSet diagonal() {
        return diagonal;
    }
}
