package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.NetworkClipboard;
import io.neuralworkbench.designer.model.NodeGroup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies nodes and the wires between them, placed a little below and to the right of the originals. A block
 * whose nodes are all copied is copied as a block.
 */
public final class DuplicateNodes implements DesignerCommand {
    private final List<String> names;
    private InsertBlock insert;

    public DuplicateNodes(Collection<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public DesignState applyTo(DesignState state) {
        if (names.isEmpty()) {
            throw new CommandRefusedException("Select the nodes to duplicate first.");
        }
        names.forEach(state::node);
        Map<String, NodeLayout> positions = new LinkedHashMap<>();
        names.forEach(name -> positions.put(name, state.positionOf(name)));
        double left = positions.values().stream().mapToDouble(NodeLayout::x).min().orElse(0) + 2 * CardGeometry.GRID;
        double top = positions.values().stream().mapToDouble(NodeLayout::y).min().orElse(0) + 2 * CardGeometry.GRID;
        insert = new InsertBlock(NetworkClipboard.subNetwork(state.network(), names), positions,
                NodeGroup.whollyWithin(state.groups(), names), left, top, "duplicate");
        return insert.applyTo(state);
    }

    @Override
    public String description() {
        return insert == null ? "duplicate" : insert.description();
    }

    @Override
    public Set<String> nodesToSelect() {
        return insert == null ? Set.of() : insert.nodesToSelect();
    }
}
