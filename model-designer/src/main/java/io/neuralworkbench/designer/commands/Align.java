package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Lines nodes up on one edge or centre line of the first of them (cards all have the same size). */
public final class Align implements DesignerCommand {
    /** Which line the nodes share. */
    public enum Edge { LEFT, CENTRE, RIGHT, TOP, MIDDLE, BOTTOM }

    private final List<String> names;
    private final Edge edge;

    public Align(Collection<String> names, Edge edge) {
        this.names = List.copyOf(names);
        this.edge = edge;
    }

    @Override
    public DesignState applyTo(DesignState state) {
        if (names.size() < 2) {
            throw new CommandRefusedException("Select two or more nodes to align.");
        }
        names.forEach(state::node);
        List<NodeLayout> current = names.stream().map(state::positionOf).toList();
        // All cards have the same size, so aligning right or centre means the same x as aligning left.
        double minX = current.stream().mapToDouble(NodeLayout::x).min().orElseThrow();
        double maxX = current.stream().mapToDouble(NodeLayout::x).max().orElseThrow();
        double minY = current.stream().mapToDouble(NodeLayout::y).min().orElseThrow();
        double maxY = current.stream().mapToDouble(NodeLayout::y).max().orElseThrow();
        double x = switch (edge) {
            case LEFT -> minX;
            case RIGHT -> maxX;
            default -> (minX + maxX) / 2;
        };
        double y = switch (edge) {
            case TOP -> minY;
            case BOTTOM -> maxY;
            default -> (minY + maxY) / 2;
        };
        boolean horizontal = edge == Edge.LEFT || edge == Edge.CENTRE || edge == Edge.RIGHT;
        return state.withPositions(current.stream()
                .map(p -> horizontal ? new NodeLayout(p.nodeName(), x, p.y()) : new NodeLayout(p.nodeName(), p.x(), y))
                .toList());
    }

    @Override
    public String description() {
        return "align " + names.size() + " nodes " + edge.name().toLowerCase(Locale.ROOT);
    }
}
