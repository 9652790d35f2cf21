package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.LayerCatalog;
import io.neuralworkbench.designer.model.NodeNames;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Node;

import java.util.Set;

/** Adds an unwired node of a kind at a point of the canvas (snapped to the grid), named stem1, stem2, … */
public final class AddNode implements DesignerCommand {
    private final Layer layer;
    private final double x;
    private final double y;
    private String addedName;

    public AddNode(Layer layer, double x, double y) {
        this.layer = layer;
        this.x = x;
        this.y = y;
    }

    public static AddNode ofKind(LayerCatalog kind, double x, double y) {
        return new AddNode(kind.newLayer(), x, y);
    }

    @Override
    public DesignState applyTo(DesignState state) {
        addedName = NodeNames.numbered(LayerCatalog.of(layer).nameStem(), state.nodeNames());
        NodeLayout position = new NodeLayout(addedName, x, y).snapToGrid(CardGeometry.GRID);
        return state.withNode(new Node(addedName, layer), position);
    }

    /** The new node's name, known once the command has run. */
    public String addedName() {
        return addedName;
    }

    @Override
    public String description() {
        return "add " + (addedName != null ? addedName : layer.kind());
    }

    @Override
    public Set<String> nodesToSelect() {
        return addedName == null ? Set.of() : Set.of(addedName);
    }
}
