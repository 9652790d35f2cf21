package io.neuralworkbench.engine.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A network as the user designed it: named nodes and the wires between them. Immutable; every edit makes
 * a new value. The order of edges into a node is the order of its inputs (it matters for concatenation).
 * Validity is not enforced here — a half-built network is a normal state in the designer; ask
 * {@code NetworkValidator} what is wrong with it.
 */
public record NetworkDescription(String name, List<Node> nodes, List<Edge> edges) {
    /** The JSON format version this code writes. */
    public static final int FORMAT_VERSION = 1;

    public NetworkDescription {
        name = name == null ? "" : name;
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Optional<Node> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    /** Names of the nodes feeding {@code nodeName}, in edge order. */
    public List<String> inputsOf(String nodeName) {
        return edges.stream().filter(e -> e.to().equals(nodeName)).map(Edge::from).toList();
    }

    /** Names of the nodes fed by {@code nodeName}. */
    public List<String> outputsOf(String nodeName) {
        return edges.stream().filter(e -> e.from().equals(nodeName)).map(Edge::to).toList();
    }

    /** Node names, each after all of its inputs; nodes on a cycle, and those after one, are left out. */
    public List<String> topologicalOrder() {
        return new Graph(this).topologicalOrder();
    }

    public NetworkDescription withNode(Node node) {
        List<Node> newNodes = new ArrayList<>(nodes);
        newNodes.removeIf(n -> n.name().equals(node.name()));
        newNodes.add(node);
        return new NetworkDescription(name, newNodes, edges);
    }

    /** Replaces the layer of an existing node, keeping its place in the node list. */
    public NetworkDescription withLayer(String nodeName, Layer layer) {
        List<Node> newNodes = nodes.stream()
                .map(n -> n.name().equals(nodeName) ? new Node(nodeName, layer) : n)
                .toList();
        return new NetworkDescription(name, newNodes, edges);
    }

    public NetworkDescription withEdge(Edge edge) {
        List<Edge> newEdges = new ArrayList<>(edges);
        newEdges.add(edge);
        return new NetworkDescription(name, nodes, newEdges);
    }

    /** Starts a network built node by node: each {@code then} wires the new node after the previous one. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds chains and small graphs without spelling out every edge. */
    public static final class Builder {
        private final String name;
        private final List<Node> nodes = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();
        private String last;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a node wired from the previously added one (if any). */
        public Builder then(String nodeName, Layer layer) {
            return add(nodeName, layer, last == null ? List.of() : List.of(last));
        }

        /** Adds a node wired from the named nodes, in that order. */
        public Builder add(String nodeName, Layer layer, List<String> from) {
            nodes.add(new Node(nodeName, layer));
            for (String source : from) {
                edges.add(new Edge(source, nodeName));
            }
            last = nodeName;
            return this;
        }

        public NetworkDescription build() {
            return new NetworkDescription(name, nodes, edges);
        }
    }
}
