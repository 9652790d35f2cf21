package io.neuralworkbench.designer.model;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.engine.network.NetworkDescription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block kept in "My blocks" to be inserted again: its nodes, the wires between them, how they were laid out and
 * the blocks inside it. Wires into and out of the block are not part of it; they are drawn anew where it is used.
 *
 * @param inner the blocks directly inside this one, by the names of {@code network}'s nodes
 */
public record SavedBlock(String name, NetworkDescription network, Map<String, NodeLayout> positions,
                         List<NodeGroup> inner) {

    public SavedBlock {
        positions = Map.copyOf(positions);
        inner = List.copyOf(inner);
    }

    /** A block without blocks inside. */
    public SavedBlock(String name, NetworkDescription network, Map<String, NodeLayout> positions) {
        this(name, network, positions, List.of());
    }

    /** The block as it is on the canvas now. */
    public static SavedBlock of(DesignState state, NodeGroup group) {
        Map<String, NodeLayout> positions = new LinkedHashMap<>();
        group.members().forEach(name -> positions.put(name, state.positionOf(name)));
        return new SavedBlock(group.name(), NetworkClipboard.subNetwork(state.network(), group.members()), positions,
                group.inner());
    }

    public int nodeCount() {
        return network.nodes().size();
    }
}
