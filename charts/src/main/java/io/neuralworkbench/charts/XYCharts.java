package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.util.Locale;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/** The ChartFX set-up the components share: no animation, zoom with pan, crosshair with values, tooltips. */
final class XYCharts {

    /** Four significant digits, enough to read a loss or a rate off the crosshair. */
    private static final StringConverter<Number> SHORT_NUMBER = new StringConverter<>() {
        @Override
        public String toString(Number value) {
            return value == null ? "" : String.format(Locale.ROOT, "%.4g", value.doubleValue());
        }

        @Override
        public Number fromString(String text) {
            return Double.valueOf(text);
        }
    };

    private XYCharts() {
    }

    /** A chart with one line renderer (see {@link #renderer}), zoom (drag), pan and a crosshair. */
    static XYChart newChart(String xLabel, String yLabel) {
        DefaultNumericAxis xAxis = new DefaultNumericAxis(xLabel);
        DefaultNumericAxis yAxis = new DefaultNumericAxis(yLabel);
        xAxis.setUnit(null); // else ChartFX shows an empty "[]" after the name
        yAxis.setUnit(null);
        xAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangeRounding(false);
        yAxis.setForceZeroInRange(false);
        xAxis.setAutoRangePadding(0.02); // points on the range's edge are not cut in half
        yAxis.setAutoRangePadding(0.05);
        XYChart chart = new XYChart(xAxis, yAxis);
        chart.setAnimated(false);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        chart.getRenderers().setAll(renderer);
        Zoomer zoomer = new Zoomer();
        zoomer.setPannerEnabled(true);
        zoomer.setSliderVisible(false);
        zoomer.setAnimated(false);
        CrosshairIndicator crosshair = new CrosshairIndicator();
        crosshair.setXValueFormatter(SHORT_NUMBER);
        crosshair.setYValueFormatter(SHORT_NUMBER);
        chart.getPlugins().addAll(zoomer, crosshair, new DataPointTooltip());
        return chart;
    }

    /** Adds a second renderer drawing its data sets in another style (scatter markers, histogram steps). */
    static ErrorDataSetRenderer addRenderer(XYChart chart, LineStyle lineStyle, boolean markers) {
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(markers);
        renderer.setPolyLineStyle(lineStyle);
        renderer.setPointReduction(false);
        chart.getRenderers().add(renderer);
        return renderer;
    }

    /** Fixes an axis to a range, e.g. [0, 1] for rates. */
    static void fixRange(DefaultNumericAxis axis, double min, double max) {
        axis.setAutoRanging(false);
        axis.setMin(min);
        axis.setMax(max);
    }

    /** The chart's renderer, to which its data sets are added. */
    static ErrorDataSetRenderer renderer(XYChart chart) {
        return (ErrorDataSetRenderer) chart.getRenderers().get(0);
    }

    static DefaultNumericAxis yAxis(XYChart chart) {
        return (DefaultNumericAxis) chart.getYAxis();
    }

    static DefaultNumericAxis xAxis(XYChart chart) {
        return (DefaultNumericAxis) chart.getXAxis();
    }

    /** A data set drawn as a line (optionally dashed) in the given colour. */
    static DoubleDataSet line(String name, Color color, double opacity, double width, boolean dashed,
                              boolean inLegend) {
        DoubleDataSet dataSet = new DoubleDataSet(name);
        styleLine(dataSet, color, opacity, width, dashed, inLegend);
        return dataSet;
    }

    static void styleLine(DoubleDataSet dataSet, Color color, double opacity, double width, boolean dashed,
                          boolean inLegend) {
        String css = ChartComponent.cssColor(color, opacity);
        DataSetStyleBuilder style = DataSetStyleBuilder.newInstance()
                .setLineColor(css).setMarkerColor(css).setStroke(css).setFill(css)
                .setLineWidth(width).setShowInLegend(inLegend);
        if (dashed) {
            style.setLineDashes(6 * width, 4 * width);
        }
        dataSet.setStyle(style.build());
    }

    /** A data set drawn as markers only, for scatter plots. */
    static DoubleDataSet markers(String name, Color color, double opacity, double size) {
        DoubleDataSet dataSet = new DoubleDataSet(name);
        String css = ChartComponent.cssColor(color, opacity);
        dataSet.setStyle(DataSetStyleBuilder.newInstance().setMarkerColor(css).setLineColor(css).setFill(css)
                .setStroke(css).setMarkerSize(size).setMarkerType("circle").build());
        return dataSet;
    }
}
