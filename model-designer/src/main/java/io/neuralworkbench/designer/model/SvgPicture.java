package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Shape;

import java.util.Locale;

/**
 * The network as an SVG picture, written from the model rather than from the screen, so it needs no JavaFX and
 * scales without blur: each card a rounded rectangle with its words, each wire a cubic curve with the shape that
 * flows on it. What is drawn, and where, comes from {@link CanvasPicture}, as on the canvas.
 */
public final class SvgPicture {
    private static final double MARGIN = 20;
    private static final double LINE = 15;

    private SvgPicture() {
    }

    public static String of(DesignState state, NetworkAnalysis analysis) {
        CanvasPicture picture = CanvasPicture.of(state);
        double[] bounds = picture.bounds().orElse(new double[] {0, 0, 0, 0});
        double minX = bounds[0] - MARGIN;
        double minY = bounds[1] - MARGIN;
        double width = bounds[2] - bounds[0] + 2 * MARGIN;
        double height = bounds[3] - bounds[1] + 2 * MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                        + "height=\"%.0f\" viewBox=\"%s %s %s %s\" font-family=\"sans-serif\">%n",
                        width, height, number(minX), number(minY), number(width), number(height)))
                .append("  <title>").append(escape(state.network().name())).append("</title>\n")
                .append("""
                          <style>
                            .wire { fill: none; stroke: #5b6b7f; stroke-width: 2; }
                            .wire-label { font-size: 11px; fill: #37474f; }
                            .card rect { fill: #ffffff; stroke: #90a4ae; stroke-width: 1.5; }
                            .block rect { fill: #eef3fb; stroke: #3f6fb5; stroke-width: 2.5; }
                            .invalid rect { stroke: #c62828; }
                            .title { font-size: 13px; font-weight: bold; fill: #263238; }
                            .name { font-size: 12px; fill: #546e7a; }
                            .line { font-size: 12px; fill: #37474f; }
                            .problem { font-size: 11px; fill: #c62828; }
                          </style>
                        """);
        svg.append("  <g class=\"wires\">\n");
        for (CanvasPicture.Wire wire : picture.wires()) {
            CanvasPicture.Curve c = wire.curve();
            Shape shape = analysis.node(wire.edge().from()).outputShape();
            svg.append("    <path class=\"wire\" data-from=\"").append(escape(wire.edge().from()))
                    .append("\" data-to=\"").append(escape(wire.edge().to())).append("\" d=\"M ")
                    .append(point(c.start())).append(" C ").append(point(c.control1())).append(' ')
                    .append(point(c.control2())).append(' ').append(point(c.end())).append("\"/>\n");
            svg.append("    <text class=\"wire-label\" x=\"").append(number(c.labelPoint().x()))
                    .append("\" y=\"").append(number(c.labelPoint().y() + 12)).append("\">")
                    .append(escape(shape == null ? "?" : shape.toString())).append("</text>\n");
        }
        svg.append("  </g>\n");
        for (CanvasPicture.Card card : picture.cards()) {
            CardText text = card.block()
                    ? CardText.ofBlock(state.group(card.name()).orElseThrow(), state.network(), analysis)
                    : CardText.of(state.node(card.name()), analysis.node(card.name()));
            card(svg, card, text);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void card(StringBuilder svg, CanvasPicture.Card card, CardText text) {
        svg.append("  <g class=\"").append(card.block() ? "block" : "card").append(text.error() ? " invalid" : "")
                .append("\" data-name=\"").append(escape(card.name())).append("\">\n");
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"8\"/>%n",
                number(card.x()), number(card.y()), number(CardGeometry.WIDTH), number(CardGeometry.HEIGHT)));
        double left = card.x() + 10;
        double y = card.y() + 18;
        svg.append(text(left, y, "title", text.title()));
        svg.append(String.format(Locale.ROOT, "    <text class=\"name\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>%n",
                number(card.x() + CardGeometry.WIDTH - 10), number(y), escape(text.name())));
        for (String line : new String[] {text.settings(), text.shape(), text.parameters()}) {
            y += LINE;
            if (!line.isEmpty()) {
                svg.append(text(left, y, "line", line));
            }
        }
        if (!text.problem().isEmpty()) {
            svg.append(text(left, y + LINE, "problem", (text.error() ? "⚠ " : "ⓘ ") + text.problem()));
        }
        svg.append("  </g>\n");
    }

    private static String text(double x, double y, String styleClass, String words) {
        return "    <text class=\"" + styleClass + "\" x=\"" + number(x) + "\" y=\"" + number(y) + "\">"
                + escape(words) + "</text>\n";
    }

    private static String point(CanvasPicture.Point point) {
        return number(point.x()) + "," + number(point.y());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
