package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.LayeredLayout;

/** Lays the whole network out top to bottom in layers. */
public final class AutoLayout implements DesignerCommand {
    @Override
    public DesignState applyTo(DesignState state) {
        return state.withPositions(
                LayeredLayout.layout(state.network(), CardGeometry.MARGIN, CardGeometry.MARGIN).values());
    }

    @Override
    public String description() {
        return "auto-layout";
    }
}
