package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.engine.network.NetworkDescription;

/** Starts over from another network (a template), laid out top to bottom; undo brings the old one back. */
public final class ReplaceNetwork implements DesignerCommand {
    private final NetworkDescription network;
    private final String what;

    public ReplaceNetwork(NetworkDescription network, String what) {
        this.network = network;
        this.what = what;
    }

    @Override
    public DesignState applyTo(DesignState state) {
        return DesignState.laidOut(network);
    }

    @Override
    public String description() {
        return what;
    }
}
