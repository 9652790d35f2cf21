package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nodes the canvas shows folded into one named block card. Only the designer knows about groups: the engine's
 * network stays a flat graph, so training, validation and the network JSON are the same with or without them.
 *
 * @param members the grouped nodes, in the order of the network
 */
public record NodeGroup(String name, List<String> members) {

    public NodeGroup {
        members = List.copyOf(members);
    }

    public boolean contains(String nodeName) {
        return members.contains(nodeName);
    }

    /**
     * The node a wire dropped on the block goes into: the first member that takes inputs and gets none of them
     * from inside the block. Empty when the block starts with an input node.
     */
    public Optional<String> entry(NetworkDescription network) {
        Set<String> inside = Set.copyOf(members);
        return network.nodes().stream()
                .filter(node -> inside.contains(node.name()) && node.layer().maxInputs() > 0)
                .filter(node -> network.inputsOf(node.name()).stream().noneMatch(inside::contains))
                .map(Node::name).findFirst();
    }

    /** The node whose output leaves the block: the last member that feeds no other member. */
    public Optional<String> exit(NetworkDescription network) {
        Set<String> inside = Set.copyOf(members);
        List<Node> candidates = network.nodes().stream()
                .filter(node -> inside.contains(node.name()))
                .filter(node -> network.outputsOf(node.name()).stream().noneMatch(inside::contains))
                .toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(candidates.size() - 1).name());
    }

    /** Whether a wire can leave the block: its exit is not an output layer. */
    public boolean hasOutput(NetworkDescription network) {
        return exit(network).flatMap(network::node).map(node -> !(node.layer() instanceof Layer.Output)).orElse(false);
    }
}
