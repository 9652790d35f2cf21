package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Deletes nodes together with every wire into or out of them. */
public final class RemoveNodes implements DesignerCommand {
    private final Set<String> names;

    public RemoveNodes(java.util.Collection<String> names) {
        this.names = new TreeSet<>(names);
    }

    @Override
    public DesignState applyTo(DesignState state) {
        if (names.isEmpty()) {
            throw new CommandRefusedException("Select the nodes to delete first.");
        }
        names.forEach(state::node); // refuses unknown names
        return state.withoutNodes(names);
    }

    @Override
    public String description() {
        return names.size() == 1 ? "delete " + names.iterator().next() : "delete " + names.size() + " nodes";
    }

    public List<String> names() {
        return List.copyOf(names);
    }
}
