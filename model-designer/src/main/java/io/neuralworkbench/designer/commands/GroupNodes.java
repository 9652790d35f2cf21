package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.NodeGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Folds the selected nodes into one named block card; {@link ExpandGroup} unfolds it again. Blocks selected whole
 * go inside the new block as they are (a block of blocks), to be unfolded one level at a time.
 */
public final class GroupNodes implements DesignerCommand {
    private final Set<String> names;
    private final String groupName;

    public GroupNodes(Collection<String> names, String groupName) {
        this.names = Set.copyOf(names);
        this.groupName = groupName == null ? "" : groupName.strip();
    }

    @Override
    public DesignState applyTo(DesignState state) {
        if (names.size() < 2) {
            throw new CommandRefusedException("Select two or more nodes to group into a block.");
        }
        if (groupName.isEmpty()) {
            throw new CommandRefusedException("A block needs a name.");
        }
        if (state.allGroupNames().contains(groupName)) {
            throw new CommandRefusedException("There is already a block named " + groupName + ".");
        }
        for (String name : names) {
            state.node(name); // refuses unknown names
            state.groupOf(name).filter(group -> !names.containsAll(group.members())).ifPresent(group -> {
                throw new CommandRefusedException(name + " is already in block " + group.name()
                        + "; select all of that block to put it inside a new one, or expand it first (Ctrl+Shift+G).");
            });
        }
        List<NodeGroup> inner = NodeGroup.whollyWithin(state.groups(), names);
        if (inner.size() == 1 && inner.get(0).members().size() == names.size()) {
            throw new CommandRefusedException("These nodes are block " + inner.get(0).name()
                    + " already; select more nodes to put it inside a new block.");
        }
        List<String> members = state.network().nodes().stream().map(node -> node.name())
                .filter(names::contains).toList();
        List<NodeGroup> groups = new ArrayList<>(state.groups());
        groups.removeAll(inner);
        groups.add(new NodeGroup(groupName, members, inner));
        return state.withGroups(groups);
    }

    @Override
    public String description() {
        return "group " + names.size() + " nodes into " + groupName;
    }

    @Override
    public Set<String> nodesToSelect() {
        return names;
    }

    /** The first free name of block1, block2, … */
    public static String freeName(DesignState state) {
        return io.neuralworkbench.designer.model.NodeNames.numbered("block", state.allGroupNames());
    }
}
