package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.Hyperparameters;
import io.neuralworkbench.engine.network.Layer;

/** Changes one setting of a node; values out of range are refused with the allowed range. */
public final class EditHyperparameter implements DesignerCommand {
    private final String nodeName;
    private final String path;
    private final Object value;

    public EditHyperparameter(String nodeName, String path, Object value) {
        this.nodeName = nodeName;
        this.path = path;
        this.value = value;
    }

    @Override
    public DesignState applyTo(DesignState state) {
        Layer changed = Hyperparameters.with(state.node(nodeName).layer(), path, value);
        return state.withNetwork(state.network().withLayer(nodeName, changed));
    }

    @Override
    public String description() {
        return "set " + nodeName + " " + path + " to " + value;
    }
}
