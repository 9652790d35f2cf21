package io.neuralworkbench.designer.view;

import io.neuralworkbench.engine.network.Edge;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * One wire: a curve from an output port down to an input port, labelled with the shape that flows on it, over a
 * wider invisible curve that is easier to hit with the mouse. Kept between redraws and only moved or relabelled.
 */
final class WireView extends Group {
    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hitArea = new CubicCurve();
    private final Label label = new Label();

    WireView(Edge edge) {
        this.edge = edge;
        setId("wire-" + edge.from() + "-" + edge.to());
        curve.getStyleClass().add("wire");
        curve.setFill(null);
        hitArea.getStyleClass().add("wire-hit-area");
        hitArea.setFill(null);
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        getChildren().addAll(hitArea, curve, label);
    }

    Edge edge() {
        return edge;
    }

    void update(Point2D start, Point2D end, String shapeText) {
        shape(curve, start, end);
        shape(hitArea, start, end);
        label.setText(shapeText);
        Point2D middle = start.midpoint(end);
        label.relocate(middle.getX() + 12, middle.getY() - 8);
    }

    /** A vertical S-curve: leaves the output port downwards and enters the input port from above. */
    static void shape(CubicCurve curve, Point2D start, Point2D end) {
        double bend = Math.max(40, Math.abs(end.getY() - start.getY()) / 2);
        curve.setStartX(start.getX());
        curve.setStartY(start.getY());
        curve.setControlX1(start.getX());
        curve.setControlY1(start.getY() + bend);
        curve.setControlX2(end.getX());
        curve.setControlY2(end.getY() - bend);
        curve.setEndX(end.getX());
        curve.setEndY(end.getY());
    }
}
