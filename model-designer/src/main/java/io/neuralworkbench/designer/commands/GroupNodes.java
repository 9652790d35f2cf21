package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.NodeGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Folds the selected nodes into one named block card; {@link ExpandGroup} unfolds it again. */
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
        if (state.group(groupName).isPresent()) {
            throw new CommandRefusedException("There is already a block named " + groupName + ".");
        }
        for (String name : names) {
            state.node(name); // refuses unknown names
            state.groupOf(name).ifPresent(group -> {
                throw new CommandRefusedException(name + " is already in block " + group.name()
                        + "; expand that block first (Ctrl+Shift+G).");
            });
        }
        List<String> members = state.network().nodes().stream().map(node -> node.name())
                .filter(names::contains).toList();
        List<NodeGroup> groups = new ArrayList<>(state.groups());
        groups.add(new NodeGroup(groupName, members));
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
        return io.neuralworkbench.designer.model.NodeNames.numbered("block",
                state.groups().stream().map(NodeGroup::name).toList());
    }
}
