package io.neuralworkbench.designer.model;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-to-bottom layered layout: each node one row below its deepest input, nodes in a row ordered by where
 * their inputs are (so wires cross less) and every row centred under the widest one.
 */
public final class LayeredLayout {
    private LayeredLayout() {
    }

    /** Positions for every node; the top-left card sits at ({@code left}, {@code top}). */
    public static Map<String, NodeLayout> layout(NetworkDescription network, double left, double top) {
        List<List<String>> rows = rows(network);
        int widest = rows.stream().mapToInt(List::size).max().orElse(0);
        Map<String, NodeLayout> positions = new LinkedHashMap<>();
        Map<String, Double> column = new HashMap<>();
        for (int depth = 0; depth < rows.size(); depth++) {
            List<String> row = new ArrayList<>(rows.get(depth));
            if (depth > 0) {
                row.sort((a, b) -> Double.compare(barycentre(network, a, column), barycentre(network, b, column)));
            }
            double indent = (widest - row.size()) * CardGeometry.COLUMN_SPACING / 2;
            for (int index = 0; index < row.size(); index++) {
                String name = row.get(index);
                column.put(name, (double) index + (widest - row.size()) / 2.0);
                positions.put(name, new NodeLayout(name, left + indent + index * CardGeometry.COLUMN_SPACING,
                        top + depth * CardGeometry.ROW_SPACING));
            }
        }
        return positions;
    }

    /** Rows by longest path from a source; nodes on a cycle (not in topological order) go in one last row. */
    private static List<List<String>> rows(NetworkDescription network) {
        Map<String, Integer> depthOf = new LinkedHashMap<>();
        for (String name : network.topologicalOrder()) {
            int depth = network.inputsOf(name).stream()
                    .filter(depthOf::containsKey).mapToInt(input -> depthOf.get(input) + 1).max().orElse(0);
            depthOf.put(name, depth);
        }
        List<List<String>> rows = new ArrayList<>();
        depthOf.forEach((name, depth) -> {
            while (rows.size() <= depth) {
                rows.add(new ArrayList<>());
            }
            rows.get(depth).add(name);
        });
        Set<String> leftOver = new LinkedHashSet<>();
        network.nodes().stream().map(Node::name).filter(name -> !depthOf.containsKey(name)).forEach(leftOver::add);
        if (!leftOver.isEmpty()) {
            rows.add(new ArrayList<>(leftOver));
        }
        return rows;
    }

    private static double barycentre(NetworkDescription network, String name, Map<String, Double> column) {
        return network.inputsOf(name).stream().filter(column::containsKey).mapToDouble(column::get)
                .average().orElse(Double.MAX_VALUE);
    }
}
