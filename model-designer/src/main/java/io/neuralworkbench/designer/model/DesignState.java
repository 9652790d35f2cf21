package io.neuralworkbench.designer.model;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the canvas shows: the engine's immutable network, where each node is drawn and which nodes are folded into
 * blocks ({@link NodeGroup}, designer-only). Immutable, so an undo step only has to remember the value before and
 * after a command.
 */
public record DesignState(NetworkDescription network, Map<String, NodeLayout> positions, List<NodeGroup> groups) {

    public DesignState {
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        groups = List.copyOf(groups);
    }

    /** A state without blocks. */
    public DesignState(NetworkDescription network, Map<String, NodeLayout> positions) {
        this(network, positions, List.of());
    }

    /** A network laid out top to bottom, for networks that come without positions (templates, files). */
    public static DesignState laidOut(NetworkDescription network) {
        return new DesignState(network, LayeredLayout.layout(network, CardGeometry.MARGIN, CardGeometry.MARGIN));
    }

    /** Where the node is drawn; a node without a stored position sits at the origin. */
    public NodeLayout positionOf(String nodeName) {
        NodeLayout layout = positions.get(nodeName);
        return layout != null ? layout : new NodeLayout(nodeName, 0, 0);
    }

    public boolean hasNode(String nodeName) {
        return network.node(nodeName).isPresent();
    }

    public Node node(String nodeName) {
        return network.node(nodeName)
                .orElseThrow(() -> new CommandRefusedException("There is no node named " + nodeName + "."));
    }

    public Set<String> nodeNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        network.nodes().forEach(node -> names.add(node.name()));
        return names;
    }

    public DesignState withNetwork(NetworkDescription newNetwork) {
        return new DesignState(newNetwork, positions, groups);
    }

    public DesignState withPositions(Collection<NodeLayout> moved) {
        Map<String, NodeLayout> newPositions = new LinkedHashMap<>(positions);
        moved.forEach(layout -> newPositions.put(layout.nodeName(), layout));
        return new DesignState(network, newPositions, groups);
    }

    public DesignState withGroups(List<NodeGroup> newGroups) {
        return new DesignState(network, positions, newGroups);
    }

    /** The block the node is folded into, if any. */
    public Optional<NodeGroup> groupOf(String nodeName) {
        return groups.stream().filter(group -> group.contains(nodeName)).findFirst();
    }

    /** The block of that name shown on the canvas (not one folded inside another block). */
    public Optional<NodeGroup> group(String groupName) {
        return groups.stream().filter(group -> group.name().equals(groupName)).findFirst();
    }

    /** The names of every block, those folded inside other blocks included. */
    public List<String> allGroupNames() {
        List<String> names = new ArrayList<>();
        groups.forEach(group -> names.addAll(group.allNames()));
        return names;
    }

    /** Adds a node (and its position) keeping all existing wires. */
    public DesignState withNode(Node node, NodeLayout position) {
        return new DesignState(network.withNode(node), positions, groups).withPositions(List.of(position));
    }

    /** Removes the nodes, every wire touching them, their positions, and them from their blocks. */
    public DesignState withoutNodes(Collection<String> names) {
        Set<String> gone = Set.copyOf(names);
        List<Node> nodes = network.nodes().stream().filter(node -> !gone.contains(node.name())).toList();
        List<Edge> edges = network.edges().stream()
                .filter(edge -> !gone.contains(edge.from()) && !gone.contains(edge.to())).toList();
        Map<String, NodeLayout> newPositions = new LinkedHashMap<>(positions);
        gone.forEach(newPositions::remove);
        List<NodeGroup> newGroups = groups.stream().map(group -> group.without(gone)).flatMap(Optional::stream).toList();
        return new DesignState(new NetworkDescription(network.name(), nodes, edges), newPositions, newGroups);
    }

    public DesignState withEdges(List<Edge> edges) {
        return withNetwork(new NetworkDescription(network.name(), network.nodes(), edges));
    }

    public DesignState withoutEdge(Edge edge) {
        List<Edge> edges = new ArrayList<>(network.edges());
        edges.remove(edge);
        return withEdges(edges);
    }
}
