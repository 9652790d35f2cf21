package io.neuralworkbench.designer.model;

/**
 * The size of a node card and the spacing of the layout grid. Shared by the layout commands and the canvas so
 * that "align right" and the drawn cards agree; every card has the same size.
 */
public final class CardGeometry {
    public static final double WIDTH = 220;
    public static final double HEIGHT = 100;
    /** Vertical distance between the tops of two layers in the automatic layout. */
    public static final double ROW_SPACING = 140;
    /** Horizontal distance between the left edges of two neighbours in a layer. */
    public static final double COLUMN_SPACING = 260;
    /** Spacing of the snap grid. */
    public static final double GRID = 20;
    /** Empty space left of and above an automatically laid-out network. */
    public static final double MARGIN = 40;

    private CardGeometry() {
    }
}
