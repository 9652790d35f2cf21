package io.neuralworkbench.designer;

import java.util.Objects;

/** Where the designer draws a network node: the node's name and the position of its top-left corner. */
public record NodeLayout(String nodeName, double x, double y) {
    public NodeLayout {
        Objects.requireNonNull(nodeName, "nodeName");
    }

    /** The same node moved to the nearest grid intersection, so dragged nodes line up. */
    public NodeLayout snapToGrid(double grid) {
        if (!(grid > 0) || Double.isInfinite(grid)) {
            throw new IllegalArgumentException("grid spacing must be a positive number, was " + grid);
        }
        return new NodeLayout(nodeName, Math.round(x / grid) * grid, Math.round(y / grid) * grid);
    }
}
