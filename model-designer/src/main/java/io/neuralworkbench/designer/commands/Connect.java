package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.ConnectionCheck;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.engine.network.Edge;

/** Draws a wire from one node's output to another's input; refused, with the reason, when it would not fit. */
public final class Connect implements DesignerCommand {
    private final String from;
    private final String to;

    public Connect(String from, String to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public DesignState applyTo(DesignState state) {
        ConnectionCheck.problem(state.network(), from, to).ifPresent(reason -> {
            throw new CommandRefusedException(reason);
        });
        return state.withNetwork(state.network().withEdge(new Edge(from, to)));
    }

    @Override
    public String description() {
        return "connect " + from + " → " + to;
    }
}
