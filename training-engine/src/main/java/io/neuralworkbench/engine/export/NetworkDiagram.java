package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.network.InferenceResult;
import io.neuralworkbench.engine.network.LayerKinds;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network as an inline SVG picture: one box per layer (name, kind, output shape, parameters), placed in
 * rows by their distance from the inputs, with an arrow per connection. Drawn from the description alone, so
 * the card needs neither the designer nor a screen.
 */
final class NetworkDiagram {
    static final double BOX_WIDTH = 210;
    static final double BOX_HEIGHT = 62;
    private static final double COLUMN_GAP = 30;
    private static final double ROW_GAP = 38;
    private static final double MARGIN = 12;

    private NetworkDiagram() {
    }

    static String svg(NetworkDescription network) {
        InferenceResult inference = ShapeInference.infer(network);
        Map<String, Integer> rows = rowsFromInputs(network);
        int rowCount = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<String>> nodesByRow = new ArrayList<>();
        for (int row = 0; row < rowCount; row++) {
            nodesByRow.add(new ArrayList<>());
        }
        for (String name : network.topologicalOrder()) {
            nodesByRow.get(rows.get(name)).add(name);
        }
        int widest = nodesByRow.stream().mapToInt(List::size).max().orElse(1);
        double width = 2 * MARGIN + widest * BOX_WIDTH + (widest - 1) * COLUMN_GAP;
        double height = 2 * MARGIN + rowCount * BOX_HEIGHT + (rowCount - 1) * ROW_GAP;

        Map<String, double[]> topLeft = new HashMap<>();
        for (int row = 0; row < rowCount; row++) {
            List<String> names = nodesByRow.get(row);
            double rowWidth = names.size() * BOX_WIDTH + (names.size() - 1) * COLUMN_GAP;
            double x = (width - rowWidth) / 2;
            for (String name : names) {
                topLeft.put(name, new double[] {x, MARGIN + row * (BOX_HEIGHT + ROW_GAP)});
                x += BOX_WIDTH + COLUMN_GAP;
            }
        }

        StringBuilder svg = new StringBuilder();
        // Inline in HTML5, so no namespace declaration (the card names no external address at all).
        svg.append("<svg class=\"network\" role=\"img\" width=\"")
                .append(Html.px(width)).append("\" height=\"").append(Html.px(height)).append("\" viewBox=\"0 0 ")
                .append(Html.px(width)).append(' ').append(Html.px(height)).append("\">\n")
                .append("<title>").append(Html.escape("Network " + network.name())).append("</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                        + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\""
                        + " fill=\"#555\"/></marker></defs>\n");
        for (var edge : network.edges()) {
            double[] from = topLeft.get(edge.from());
            double[] to = topLeft.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            svg.append("<line class=\"edge\" x1=\"").append(Html.px(from[0] + BOX_WIDTH / 2))
                    .append("\" y1=\"").append(Html.px(from[1] + BOX_HEIGHT))
                    .append("\" x2=\"").append(Html.px(to[0] + BOX_WIDTH / 2))
                    .append("\" y2=\"").append(Html.px(to[1]))
                    .append("\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n");
        }
        for (Node node : network.nodes()) {
            double[] at = topLeft.get(node.name());
            if (at == null) {
                continue;
            }
            Shape shape = inference.outputShapes().get(node.name());
            Long parameters = inference.parameterCounts().get(node.name());
            String details = (shape == null ? "shape unknown" : "out " + shape) + " · "
                    + (parameters == null ? "?" : Html.count(parameters)) + " params";
            svg.append("<g class=\"layer\">")
                    .append("<rect x=\"").append(Html.px(at[0])).append("\" y=\"").append(Html.px(at[1]))
                    .append("\" width=\"").append(Html.px(BOX_WIDTH)).append("\" height=\"").append(Html.px(BOX_HEIGHT))
                    .append("\" rx=\"6\" fill=\"#eef3fb\" stroke=\"#4a6fa5\"/>")
                    .append(text(at[0] + 10, at[1] + 20, "bold", node.name()))
                    .append(text(at[0] + 10, at[1] + 37, "normal", LayerKinds.nameOf(node.layer().getClass())))
                    .append(text(at[0] + 10, at[1] + 53, "normal", details))
                    .append("</g>\n");
        }
        return svg.append("</svg>").toString();
    }

    private static String text(double x, double y, String weight, String content) {
        return "<text x=\"" + Html.px(x) + "\" y=\"" + Html.px(y) + "\" font-size=\"12\" font-weight=\"" + weight
                + "\">" + Html.escape(content) + "</text>";
    }

    /** Each node's row: 0 for inputs, else one below its lowest input, so every arrow points down. */
    private static Map<String, Integer> rowsFromInputs(NetworkDescription network) {
        Map<String, Integer> rows = new HashMap<>();
        for (String name : network.topologicalOrder()) {
            int row = 0;
            for (String input : network.inputsOf(name)) {
                row = Math.max(row, rows.getOrDefault(input, 0) + 1);
            }
            rows.put(name, row);
        }
        return rows;
    }
}
