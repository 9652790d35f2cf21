package io.neuralworkbench.designer.model;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.engine.network.NetworkDescription;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A block kept in "My blocks" to be inserted again: its nodes, the wires between them and how they were laid
 * out. Wires into and out of the block are not part of it; they are drawn anew where it is used.
 */
public record SavedBlock(String name, NetworkDescription network, Map<String, NodeLayout> positions) {

    public SavedBlock {
        positions = Map.copyOf(positions);
    }

    /** The block as it is on the canvas now. */
    public static SavedBlock of(DesignState state, NodeGroup group) {
        Map<String, NodeLayout> positions = new LinkedHashMap<>();
        group.members().forEach(name -> positions.put(name, state.positionOf(name)));
        return new SavedBlock(group.name(), NetworkClipboard.subNetwork(state.network(), group.members()), positions);
    }

    public int nodeCount() {
        return network.nodes().size();
    }
}
