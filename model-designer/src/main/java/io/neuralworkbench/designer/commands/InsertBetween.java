package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.LayerCatalog;
import io.neuralworkbench.designer.model.NodeNames;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a wire with a new node (e.g. a flatten between a convolution and a dense layer). The new node takes
 * the place of the wire's target, which moves down one row together with everything after it.
 */
public final class InsertBetween implements DesignerCommand {
    private final String from;
    private final String to;
    private final Layer layer;
    private String insertedName;

    public InsertBetween(String from, String to, Layer layer) {
        this.from = from;
        this.to = to;
        this.layer = layer;
    }

    @Override
    public DesignState applyTo(DesignState state) {
        Edge wire = new Edge(from, to);
        if (!state.network().edges().contains(wire)) {
            throw new CommandRefusedException("There is no wire from " + from + " to " + to + ".");
        }
        insertedName = NodeNames.numbered(LayerCatalog.of(layer).nameStem(), state.nodeNames());
        List<Edge> edges = new ArrayList<>();
        for (Edge edge : state.network().edges()) {
            if (edge.equals(wire)) { // keeps the place of the wire among the target's inputs
                edges.add(new Edge(from, insertedName));
                edges.add(new Edge(insertedName, to));
            } else {
                edges.add(edge);
            }
        }
        NodeLayout targetPosition = state.positionOf(to);
        List<NodeLayout> moved = downstreamOf(state, to).stream().map(state::positionOf)
                .map(p -> new NodeLayout(p.nodeName(), p.x(), p.y() + CardGeometry.ROW_SPACING)).toList();
        return state.withNode(new Node(insertedName, layer),
                        new NodeLayout(insertedName, targetPosition.x(), targetPosition.y()))
                .withEdges(edges)
                .withPositions(moved);
    }

    private static Set<String> downstreamOf(DesignState state, String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String node = todo.pop();
            if (seen.add(node)) {
                todo.addAll(state.network().outputsOf(node));
            }
        }
        return seen;
    }

    @Override
    public String description() {
        return "insert " + (insertedName != null ? insertedName : layer.kind()) + " between " + from + " and " + to;
    }

    @Override
    public Set<String> nodesToSelect() {
        return insertedName == null ? Set.of() : Set.of(insertedName);
    }
}
