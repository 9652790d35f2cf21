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

/**
 * One node on the canvas: a card with the words of {@link CardText}, an input port on top and an output port
 * below. A card is built once per node and then only given new words, which is much cheaper than building it
 * again when an edit changes the shapes of many nodes downstream.
 */
final class NodeCard extends Pane {
    static final double PORT_RADIUS = 7;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final String key;
    private final boolean hasInputPort;
    private final boolean hasOutputPort;
    private final Circle outputPort = new Circle(PORT_RADIUS);
    private final Label title = label("card-title");
    private final Label name = label("card-name");
    private final Label settings = label("card-settings");
    private final Label shape = label("card-shape");
    private final Label parameters = label("card-parameters");
    private final Label problem = label("card-problem");
    /** Made for the first problem only: a tooltip is a popup window, too heavy to build for every card. */
    private Tooltip problemDetail;
    private CardText shown;

    /**
     * @param key   the card's {@code CanvasPicture.Card.key()}
     * @param shownName the node's or block's name, for the ids tests and style sheets look up
     * @param block a block card (ids "block-NAME", "params-block-NAME", …) rather than a node's ("card-NAME", …)
     */
    NodeCard(String key, String shownName, boolean block, boolean hasInputPort, boolean hasOutputPort) {
        this.key = key;
        this.hasInputPort = hasInputPort;
        this.hasOutputPort = hasOutputPort;
        getStyleClass().add("node-card");
        if (block) {
            getStyleClass().add("block-card");
        }
        String nodeName = block ? "block-" + shownName : shownName;
        setId(block ? nodeName : "card-" + nodeName);
        setPrefSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        setMinSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        setMaxSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        parameters.setId("params-" + nodeName);
        problem.setId("problem-" + nodeName);
        VBox body = new VBox(1, new HBox(6, title, spacer, name), settings, shape, parameters, problem);
        body.setPadding(new Insets(6, 10, 6, 10));
        body.setPrefSize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        body.resize(CardGeometry.WIDTH, CardGeometry.HEIGHT);
        getChildren().add(body);
        if (hasInputPort) {
            port(new Circle(PORT_RADIUS), "input-port", 0);
        }
        if (hasOutputPort) {
            port(outputPort, "output-port", CardGeometry.HEIGHT);
            outputPort.setId("out-" + nodeName);
        }
    }

    /** Shows new words; does nothing when they are the same. */
    void show(CardText text) {
        if (text.equals(shown)) {
            return;
        }
        shown = text;
        title.setText(text.title());
        name.setText(text.name());
        settings.setText(text.settings());
        shape.setText(text.shape());
        parameters.setText(text.parameters());
        boolean hasProblem = !text.problem().isEmpty();
        problem.setText(hasProblem ? (text.error() ? "⚠ " : "ⓘ ") + text.problem() : "");
        problem.setVisible(hasProblem);
        if (hasProblem) {
            if (problemDetail == null) {
                problemDetail = new Tooltip();
                Tooltip.install(this, problemDetail);
            }
            problemDetail.setText(text.problemDetail());
        } else if (problemDetail != null) {
            Tooltip.uninstall(this, problemDetail);
            problemDetail = null;
        }
        pseudoClassStateChanged(INVALID, text.error());
        pseudoClassStateChanged(WARNING, !text.error() && hasProblem);
    }

    /** Whether this card has the ports a node of that kind needs, so it can be kept for it. */
    boolean fits(boolean inputPort, boolean outputPort) {
        return hasInputPort == inputPort && hasOutputPort == outputPort;
    }

    private void port(Circle port, String styleClass, double y) {
        port.getStyleClass().addAll("port", styleClass);
        port.setCenterX(CardGeometry.WIDTH / 2);
        port.setCenterY(y);
        getChildren().add(port);
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMaxWidth(CardGeometry.WIDTH - 20);
        return label;
    }

    String key() {
        return key;
    }

    Circle outputPort() {
        return outputPort;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }
}
