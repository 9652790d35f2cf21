package io.neuralworkbench.engine.project;

/**
 * Where the designer draws one node, in canvas units (the top-left corner of its card). Kept in the project so
 * a network reopens as the user arranged it; the engine itself never reads it.
 */
public record NodePosition(double x, double y) {
    public NodePosition {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a node position needs finite coordinates, was (" + x + ", " + y + ")");
        }
    }
}
