package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.neuralworkbench.engine.eval.RocCurves;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;

/**
 * One curve per class (one-vs-rest) on a unit square, its area in the legend. The engine's {@link RocCurves}
 * computes the curves; this only draws them.
 */
abstract class ClassCurvesChart extends ChartComponent {
    private final XYChart chart;
    private final Label note = new Label();
    private final List<DoubleDataSet> curves = new ArrayList<>();

    ClassCurvesChart(String xLabel, String yLabel) {
        chart = XYCharts.newChart(xLabel, yLabel);
        // A little beyond [0, 1], so a perfect curve along the border stays visible.
        XYCharts.fixRange(XYCharts.xAxis(chart), -0.01, 1.01);
        XYCharts.fixRange(XYCharts.yAxis(chart), -0.01, 1.02);
        setCenter(chart);
        note.getStyleClass().add("nw-title");
        setBottom(note);
    }

    /** Shows these classes' curves, replacing what was shown. */
    public void setCurves(List<RocCurves.ClassCurves> classes) {
        curves.clear();
        List<DataSet> shown = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        double width = isPresentationMode() ? 4 : 2;
        for (int c = 0; c < classes.size(); c++) {
            RocCurves.ClassCurves curve = classes.get(c);
            if (!curve.defined()) {
                undefined.add(curve.className());
                continue;
            }
            double[][] xy = points(curve);
            DoubleDataSet dataSet = XYCharts.line(curve.className() + " (" + areaLabel(curve) + ")",
                    categoryColor(c), 1, width, false, true);
            dataSet.set(xy[0], xy[1]);
            curves.add(dataSet);
            shown.add(dataSet);
        }
        DoubleDataSet reference = reference();
        if (reference != null) {
            XYCharts.styleLine(reference, Color.GRAY, 0.8, width / 2, true, true);
            shown.add(reference);
        }
        XYCharts.renderer(chart).getDatasets().setAll(shown);
        note.setText(undefined.isEmpty() ? "" : "No curve for " + String.join(", ", undefined)
                + ": the data has no samples of it, or only samples of it.");
    }

    /** The drawn class curves, in class order (undefined classes left out). */
    public List<DoubleDataSet> curveDataSets() {
        return List.copyOf(curves);
    }

    public XYChart chart() {
        return chart;
    }

    /** x values, then y values. */
    abstract double[][] points(RocCurves.ClassCurves curve);

    abstract String areaLabel(RocCurves.ClassCurves curve);

    /** The line of a classifier that guesses, or null. */
    abstract DoubleDataSet reference();
}
