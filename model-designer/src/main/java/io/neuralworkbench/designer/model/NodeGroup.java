package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Nodes the canvas shows folded into one named block card. Only the designer knows about groups: the engine's
 * network stays a flat graph, so training, validation and the network JSON are the same with or without them.
 *
 * <p>
 * Blocks nest: a block may hold whole blocks ({@code inner}), which stay folded when it is expanded, so a block of
 * blocks unfolds one level at a time.
 *
 * @param members every node of the block, those of its inner blocks included, in the order of the network
 * @param inner   the blocks directly inside this one; their members are among {@code members}
 */
public record NodeGroup(String name, List<String> members, List<NodeGroup> inner) {

    public NodeGroup {
        members = List.copyOf(members);
        inner = List.copyOf(inner);
        for (NodeGroup block : inner) {
            if (!members.containsAll(block.members())) {
                throw new IllegalArgumentException("the inner block " + block.name() + " has nodes outside " + name);
            }
        }
    }

    /** A block of nodes only, without blocks inside. */
    public NodeGroup(String name, List<String> members) {
        this(name, members, List.of());
    }

    /** This block's name and those of all blocks inside it, at any depth. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>(List.of(name));
        inner.forEach(block -> names.addAll(block.allNames()));
        return names;
    }

    /** The same block with each node renamed (and the inner blocks alike). */
    public NodeGroup withMembersRenamed(UnaryOperator<String> rename) {
        return new NodeGroup(name, members.stream().map(rename).toList(),
                inner.stream().map(block -> block.withMembersRenamed(rename)).toList());
    }

    /** The block without the given nodes, or empty when none of its nodes is left; inner blocks likewise. */
    public Optional<NodeGroup> without(Set<String> gone) {
        List<String> kept = members.stream().filter(m -> !gone.contains(m)).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NodeGroup(name, kept,
                inner.stream().map(block -> block.without(gone)).flatMap(Optional::stream).toList()));
    }

    /**
     * The same block with this name and those inside it made unique against {@code taken} (numbered: block →
     * block1), each new name added to {@code taken}.
     */
    public NodeGroup withUniqueNames(Collection<String> taken) {
        String unique = NodeNames.unique(name, taken);
        taken.add(unique);
        return new NodeGroup(unique, members, inner.stream().map(block -> block.withUniqueNames(taken)).toList());
    }

    /** Of {@code groups}, those all of whose nodes are among {@code names}. */
    public static List<NodeGroup> whollyWithin(List<NodeGroup> groups, Collection<String> names) {
        Set<String> given = Set.copyOf(names);
        return groups.stream().filter(group -> given.containsAll(group.members())).toList();
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
