package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.CardText;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** One node on the canvas: a card with the words of {@link CardText}, an input port on top and an output port below. */
final class NodeCard extends Pane {
    static final double PORT_RADIUS = 7;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final String nodeName;
    private final Circle inputPort = new Circle(PORT_RADIUS);
    private final Circle outputPort = new Circle(PORT_RADIUS);

    NodeCard(CardText text, boolean hasInputPort, boolean hasOutputPort) {
        this.nodeName = text.name();
        getStyleClass().add("node-card");
        setId("card-" + text.name());
        setPrefSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        setMinSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        setMaxSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);

        Label title = label(text.title(), "card-title");
        Label name = label(text.name(), "card-name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, name);
        Label parameters = label(text.parameters(), "card-parameters");
        parameters.setId("params-" + text.name());
        VBox body = new VBox(1, header, label(text.settings(), "card-settings"), label(text.shape(), "card-shape"),
                parameters);
        if (!text.problem().isEmpty()) {
            Label problem = label((text.error() ? "⚠ " : "ⓘ ") + text.problem(), "card-problem");
            problem.setId("problem-" + text.name());
            body.getChildren().add(problem);
            Tooltip.install(this, new Tooltip(text.problemDetail()));
        }
        body.setPadding(new Insets(6, 10, 6, 10));
        body.setPrefSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        body.resize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        getChildren().add(body);

        pseudoClassStateChanged(INVALID, text.error());
        pseudoClassStateChanged(WARNING, !text.error() && !text.problem().isEmpty());
        if (hasInputPort) {
            port(inputPort, "input-port", CardGeometry.HEIGHT * 0);
        }
        if (hasOutputPort) {
            port(outputPort, "output-port", CardGeometry.HEIGHT);
            outputPort.setId("out-" + text.name());
        }
    }

    private void port(Circle port, String styleClass, double y) {
        port.getStyleClass().addAll("port", styleClass);
        port.setCenterX(CardGeometry.WIDTH / 2);
        port.setCenterY(y);
        getChildren().add(port);
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMaxWidth(CardGeometry.WIDTH - 20);
        return label;
    }

    String nodeName() {
        return nodeName;
    }

    Circle outputPort() {
        return outputPort;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }
}
