package io.neuralworkbench.designer.view;

import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.designer.model.CanvasPicture;
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

    void update(CanvasPicture.Curve path, String shapeText) {
        shape(curve, path);
        shape(hitArea, path);
        label.setText(shapeText);
        label.relocate(path.labelPoint().x(), path.labelPoint().y());
    }

    static void shape(CubicCurve curve, CanvasPicture.Curve path) {
        curve.setStartX(path.start().x());
        curve.setStartY(path.start().y());
        curve.setControlX1(path.control1().x());
        curve.setControlY1(path.control1().y());
        curve.setControlX2(path.control2().x());
        curve.setControlY2(path.control2().y());
        curve.setEndX(path.end().x());
        curve.setEndY(path.end().y());
    }
}
