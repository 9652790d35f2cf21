package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;

import java.util.Collection;
import java.util.List;

/** Puts nodes at new positions, snapped to the grid unless told otherwise (one undo step for a whole drag). */
public final class MoveNodes implements DesignerCommand {
    private final List<NodeLayout> positions;
    private final boolean snap;

    public MoveNodes(Collection<NodeLayout> positions, boolean snap) {
        this.positions = List.copyOf(positions);
        this.snap = snap;
    }

    /** Moves nodes by the same offset, snapping the result to the grid. */
    public static MoveNodes by(DesignState state, Collection<String> names, double dx, double dy) {
        return new MoveNodes(names.stream().map(state::positionOf)
                .map(p -> new NodeLayout(p.nodeName(), p.x() + dx, p.y() + dy)).toList(), true);
    }

    @Override
    public DesignState applyTo(DesignState state) {
        positions.forEach(p -> state.node(p.nodeName()));
        return state.withPositions(snap ? positions.stream().map(p -> p.snapToGrid(CardGeometry.GRID)).toList()
                : positions);
    }

    @Override
    public String description() {
        return positions.size() == 1 ? "move " + positions.get(0).nodeName() : "move " + positions.size() + " nodes";
    }
}
