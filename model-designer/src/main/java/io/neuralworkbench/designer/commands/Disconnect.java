package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.engine.network.Edge;

/** Removes one wire. */
public final class Disconnect implements DesignerCommand {
    private final Edge edge;

    public Disconnect(String from, String to) {
        this.edge = new Edge(from, to);
    }

    @Override
    public DesignState applyTo(DesignState state) {
        if (!state.network().edges().contains(edge)) {
            throw new CommandRefusedException("There is no wire from " + edge.from() + " to " + edge.to() + ".");
        }
        return state.withoutEdge(edge);
    }

    @Override
    public String description() {
        return "disconnect " + edge.from() + " → " + edge.to();
    }
}
