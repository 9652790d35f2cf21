package io.neuralworkbench.engine.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A small line chart as inline SVG: per-epoch values of a few series (train and validation loss, say), with
 * the value range on the y axis and the epochs on the x axis. NaN values (no validation set, regression
 * accuracy) leave gaps; a series with no values at all is left out.
 */
final class CurveChart {
    private static final double WIDTH = 460;
    private static final double HEIGHT = 240;
    private static final double LEFT = 58;
    private static final double RIGHT = 12;
    private static final double TOP = 28;
    private static final double BOTTOM = 38;
    private static final int Y_TICKS = 4;

    /** One line: its name in the legend, its colour and one value per epoch. */
    record Series(String name, String color, double[] values) {
        boolean hasValues() {
            for (double value : values) {
                if (Double.isFinite(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    private CurveChart() {
    }

    /** @return the SVG, or an empty string when no series has a value */
    static String svg(String title, String yAxisName, List<Series> allSeries) {
        List<Series> series = allSeries.stream().filter(Series::hasValues).toList();
        if (series.isEmpty()) {
            return "";
        }
        int epochs = series.stream().mapToInt(s -> s.values().length).max().orElse(1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double value : s.values()) {
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (max - min < 1e-12) {
            // A flat line still needs a range to be drawn in.
            min -= 0.5;
            max += 0.5;
        }
        // Round tick values (0.2, 0.4…) over a range widened to whole steps.
        double step = niceStep((max - min) / Y_TICKS);
        min = Math.floor(min / step) * step;
        max = Math.ceil(max / step) * step;
        int tickCount = (int) Math.round((max - min) / step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double low = min;
        double span = max - min;
        DoubleUnaryOperator x = epoch -> LEFT + (epochs == 1 ? plotWidth / 2 : epoch * plotWidth / (epochs - 1));
        DoubleUnaryOperator y = value -> TOP + plotHeight - (value - low) / span * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" width=\"").append(Html.px(WIDTH)).append("\" height=\"")
                .append(Html.px(HEIGHT)).append("\" viewBox=\"0 0 ").append(Html.px(WIDTH)).append(' ')
                .append(Html.px(HEIGHT)).append("\">\n<title>").append(Html.escape(title)).append("</title>\n");
        svg.append(text(LEFT, 16, "start", "bold", title));
        for (int tick = 0; tick <= tickCount; tick++) {
            double value = min + step * tick;
            double ty = y.applyAsDouble(value);
            svg.append(line(LEFT, ty, WIDTH - RIGHT, ty, "#e3e3e3"))
                    .append(text(LEFT - 6, ty + 4, "end", "normal", Html.number(value)));
        }
        svg.append(line(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight, "#888"))
                .append(line(LEFT, TOP, LEFT, TOP + plotHeight, "#888"));
        for (int epoch : epochTicks(epochs)) {
            svg.append(text(x.applyAsDouble(epoch), TOP + plotHeight + 15, "middle", "normal",
                    Integer.toString(epoch + 1)));
        }
        svg.append(text(LEFT + plotWidth / 2, HEIGHT - 4, "middle", "normal", "epoch"));
        svg.append("<text x=\"12\" y=\"").append(Html.px(TOP + plotHeight / 2)).append("\" font-size=\"11\""
                + " text-anchor=\"middle\" transform=\"rotate(-90 12 ").append(Html.px(TOP + plotHeight / 2))
                .append(")\">").append(Html.escape(yAxisName)).append("</text>\n");

        double legendX = WIDTH - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            svg.append(text(legendX, 16, "end", "normal", s.name()));
            legendX -= s.name().length() * 6.5 + 22;
            svg.append("<rect x=\"").append(Html.px(legendX + 4)).append("\" y=\"8\" width=\"12\" height=\"4\" fill=\"")
                    .append(s.color()).append("\"/>\n");
        }
        for (Series s : series) {
            for (String points : segments(s.values(), x, y)) {
                svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(s.color())
                        .append("\" stroke-width=\"2\" stroke-linecap=\"round\" points=\"").append(points).append("\"/>\n");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /** Runs of finite values as SVG point lists; a single point becomes a dot-sized line. */
    private static List<String> segments(double[] values, DoubleUnaryOperator x, DoubleUnaryOperator y) {
        List<String> segments = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        int inRun = 0;
        for (int epoch = 0; epoch <= values.length; epoch++) {
            if (epoch < values.length && Double.isFinite(values[epoch])) {
                points.append(Html.px(x.applyAsDouble(epoch))).append(',')
                        .append(Html.px(y.applyAsDouble(values[epoch]))).append(' ');
                inRun++;
            } else if (inRun > 0) {
                if (inRun == 1) {
                    String only = points.toString().strip();
                    points.append(only);
                }
                segments.add(points.toString().strip());
                points.setLength(0);
                inRun = 0;
            }
        }
        return segments;
    }

    /** The first and last epoch and a few evenly spaced ones between. */
    private static List<Integer> epochTicks(int epochs) {
        int step = Math.max(1, (int) Math.ceil(epochs / 6.0));
        List<Integer> ticks = new ArrayList<>();
        for (int epoch = 0; epoch < epochs - 1; epoch += step) {
            ticks.add(epoch);
        }
        if (epochs - 1 - (ticks.isEmpty() ? -step : ticks.get(ticks.size() - 1)) < step / 2.0 && !ticks.isEmpty()
                && ticks.size() > 1) {
            ticks.remove(ticks.size() - 1);
        }
        ticks.add(epochs - 1);
        return ticks;
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return "<line x1=\"" + Html.px(x1) + "\" y1=\"" + Html.px(y1) + "\" x2=\"" + Html.px(x2) + "\" y2=\""
                + Html.px(y2) + "\" stroke=\"" + color + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String weight, String content) {
        return "<text x=\"" + Html.px(x) + "\" y=\"" + Html.px(y) + "\" font-size=\"11\" text-anchor=\"" + anchor
                + "\" font-weight=\"" + weight + "\">" + Html.escape(content) + "</text>\n";
    }
}
