package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.NodeGroup;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Unfolds blocks one level: their nodes are shown again where they were, and selected; blocks that were inside
 * them stay folded, as blocks of their own on the canvas.
 */
public final class ExpandGroup implements DesignerCommand {
    private final Set<String> groupNames;
    private final Set<String> members = new LinkedHashSet<>();

    public ExpandGroup(Collection<String> groupNames) {
        this.groupNames = new LinkedHashSet<>(groupNames);
    }

    @Override
    public DesignState applyTo(DesignState state) {
        if (groupNames.isEmpty()) {
            throw new CommandRefusedException("Select a block to expand first.");
        }
        members.clear();
        for (String name : groupNames) {
            NodeGroup group = state.group(name)
                    .orElseThrow(() -> new CommandRefusedException("There is no block named " + name + "."));
            members.addAll(group.members());
        }
        List<NodeGroup> kept = new java.util.ArrayList<>();
        for (NodeGroup group : state.groups()) {
            if (groupNames.contains(group.name())) {
                kept.addAll(group.inner());
            } else {
                kept.add(group);
            }
        }
        return state.withGroups(kept);
    }

    @Override
    public String description() {
        return "expand " + String.join(", ", groupNames);
    }

    @Override
    public Set<String> nodesToSelect() {
        return Set.copyOf(members);
    }
}
