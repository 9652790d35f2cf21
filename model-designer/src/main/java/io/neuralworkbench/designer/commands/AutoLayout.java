package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.LayeredLayout;
import io.neuralworkbench.designer.model.NodeGroup;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays the whole network out top to bottom in layers. A block takes one place like a card; its folded members
 * move with it and keep their places relative to each other.
 */
public final class AutoLayout implements DesignerCommand {
    /** Placeholder names of blocks in the graph that is laid out; no node name starts with a NUL character. */
    private static final String BLOCK = "\u0000";

    @Override
    public DesignState applyTo(DesignState state) {
        NetworkDescription network = state.network();
        Map<String, String> placeOf = new HashMap<>();
        network.nodes().forEach(node -> placeOf.put(node.name(), node.name()));
        state.groups().forEach(group -> group.members().forEach(member -> placeOf.put(member, BLOCK + group.name())));

        Set<String> places = new LinkedHashSet<>();
        List<Node> nodes = new ArrayList<>();
        for (Node node : network.nodes()) {
            if (places.add(placeOf.get(node.name()))) {
                nodes.add(new Node(placeOf.get(node.name()), node.layer()));
            }
        }
        Set<Edge> edges = new LinkedHashSet<>();
        network.edges().stream().map(e -> new Edge(placeOf.get(e.from()), placeOf.get(e.to())))
                .filter(e -> !e.from().equals(e.to())).forEach(edges::add);
        Map<String, NodeLayout> laidOut = LayeredLayout.layout(
                new NetworkDescription(network.name(), nodes, List.copyOf(edges)), CardGeometry.MARGIN, CardGeometry.MARGIN);

        List<NodeLayout> positions = new ArrayList<>();
        laidOut.values().stream().filter(p -> !p.nodeName().startsWith(BLOCK)).forEach(positions::add);
        for (NodeGroup group : state.groups()) {
            NodeLayout place = laidOut.get(BLOCK + group.name());
            double left = group.members().stream().mapToDouble(m -> state.positionOf(m).x()).min().orElse(0);
            double top = group.members().stream().mapToDouble(m -> state.positionOf(m).y()).min().orElse(0);
            group.members().forEach(member -> {
                NodeLayout at = state.positionOf(member);
                positions.add(new NodeLayout(member, at.x() - left + place.x(), at.y() - top + place.y()));
            });
        }
        return state.withPositions(positions);
    }

    @Override
    public String description() {
        return "auto-layout";
    }
}
