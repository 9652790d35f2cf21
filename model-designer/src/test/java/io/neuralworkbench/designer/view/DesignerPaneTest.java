package io.neuralworkbench.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

/**
 * The designer driven by the mouse and keyboard, headless (Monocle) in the build: the gestures of issue 5's
 * "Shows" list. Each test starts from its own small network so node names and shapes are known.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerPaneTest {
    private DesignerModel model;
    private Stage stage;

    /** Starts JavaFX once for the class, so its start-up (seconds on a busy machine) is not charged to a test. */
    @BeforeAll
    static void startJavaFx() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(new DesignState(NetworkDescription.builder("two ends")
                .then("input", Layer.Input.flat(4))
                .build()
                .withNode(new Node("output", Layer.Output.classification(3))),
                java.util.Map.of("input", new NodeLayout("input", 40, 40),
                        "output", new NodeLayout("output", 40, 460))));
    }

    private void show(DesignState state) {
        model = new DesignerModel(state);
        stage.setScene(new Scene(new DesignerPane(model), 1200, 760));
        stage.show();
    }

    /** Replaces the network shown, on the FX thread. */
    private void showOnFx(NetworkDescription network) {
        onFx(() -> {
            show(DesignState.laidOut(network));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    /** A click on empty canvas gives it the keyboard focus (and clears the selection). */
    private static void focusCanvas(FxRobot robot) {
        robot.clickOn(robot.point("#canvas").atPosition(Pos.TOP_RIGHT).atOffset(new Point2D(-30, 30)));
    }

    @Test
    void dragADenseLayerFromThePaletteWireItUpAndSeeItsParameters(FxRobot robot) {
        robot.drag("#palette-dense", MouseButton.PRIMARY)
                .dropTo(robot.point("#canvas").atPosition(Pos.CENTER_RIGHT).atOffset(new Point2D(-250, 0)));

        assertThat(onFx(() -> model.state().hasNode("dense1"))).isTrue();
        assertThat(robot.lookup("#params-dense1").queryAs(Label.class).getText()).isEmpty(); // nothing flows in yet

        robot.drag("#out-input", MouseButton.PRIMARY).dropTo("#card-dense1");
        robot.drag("#out-dense1", MouseButton.PRIMARY).dropTo("#card-output");

        assertThat(onFx(() -> model.network().edges()))
                .containsExactly(new Edge("input", "dense1"), new Edge("dense1", "output"));
        assertThat(robot.lookup("#params-dense1").queryAs(Label.class).getText()).isEqualTo("320 parameters");
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).startsWith("515 parameters").endsWith("valid");
        assertThat(robot.lookup("#wire-input-dense1").tryQuery()).isPresent();
    }

    @Test
    void anIncompatibleWireIsRefusedWhileDraggingWithTheReason(FxRobot robot) {
        showOnFx(NetworkDescription.builder("cnn")
                .then("input", Layer.Input.image(28, 28, 1))
                .then("conv", Layer.Convolution2D.of(8, 3))
                .build()
                .withNode(new Node("dense", Layer.Dense.of(10))));

        robot.drag("#out-conv", MouseButton.PRIMARY).moveTo("#card-dense");
        Label refusal = robot.lookup("#wire-refusal").queryAs(Label.class);
        assertThat(refusal.isVisible()).isTrue();
        assertThat(refusal.getText()).contains("dense expects a flat vector but gets an image 26×26×8");
        robot.release(MouseButton.PRIMARY);

        assertThat(onFx(() -> model.network().edges())).containsExactly(new Edge("input", "conv"));
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .startsWith("Not connected: dense expects a flat vector");
    }

    @Test
    void undoAndRedoThreeEdits(FxRobot robot) {
        DesignState start = onFx(() -> model.state());
        robot.doubleClickOn("#palette-dropout");                                  // 1: add dropout1
        robot.drag("#card-input", MouseButton.PRIMARY).dropBy(120, 40);           // 2: move input
        robot.clickOn("#card-output");
        robot.type(KeyCode.DELETE);                                               // 3: delete output
        DesignState end = onFx(() -> model.state());
        assertThat(end.hasNode("dropout1")).isTrue();
        assertThat(end.hasNode("output")).isFalse();
        assertThat(end.positionOf("input").x()).isGreaterThan(start.positionOf("input").x());

        focusCanvas(robot);
        shortcut(robot, KeyCode.Z);
        assertThat(robot.lookup("#card-output").tryQuery()).isPresent();
        shortcut(robot, KeyCode.Z);
        shortcut(robot, KeyCode.Z);
        assertThat(onFx(() -> model.state())).isEqualTo(start);
        assertThat(robot.lookup("#card-dropout1").tryQuery()).isEmpty();

        shortcut(robot, KeyCode.Y);
        shortcut(robot, KeyCode.Y);
        shortcut(robot, KeyCode.Y);
        assertThat(onFx(() -> model.state())).isEqualTo(end);
        assertThat(robot.lookup("#card-output").tryQuery()).isEmpty();
    }

    @Test
    void copyAndPasteANode(FxRobot robot) {
        robot.clickOn("#card-output");
        shortcut(robot, KeyCode.C);
        robot.moveTo(robot.point("#canvas").atPosition(Pos.CENTER_RIGHT).atOffset(new Point2D(-260, 0)));
        shortcut(robot, KeyCode.V);

        assertThat(robot.lookup("#card-output1").tryQuery()).isPresent();
        assertThat(onFx(() -> model.state().node("output1").layer())).isEqualTo(Layer.Output.classification(3));
        assertThat(onFx(() -> model.selection())).containsExactly("output1");
        assertThat(onFx(() -> model.state().positionOf("output1").x()))
                .isGreaterThan(onFx(() -> model.state().positionOf("output").x()) + 100);
    }

    @Test
    void applyAOneClickFixFromTheProblemsList(FxRobot robot) {
        showOnFx(NetworkDescription.builder("cnn without flatten")
                .then("input", Layer.Input.image(28, 28, 1))
                .then("conv", Layer.Convolution2D.of(8, 3))
                .then("dense", Layer.Dense.of(10))
                .then("output", Layer.Output.classification(10))
                .build());
        assertThat(robot.lookup("#problem-dense").queryAs(Label.class).getText()).contains("expects a flat vector");

        Button fix = robot.lookup(".fix-button").queryButton();
        assertThat(fix.getText()).isEqualTo("Fix: Insert a flatten between conv and dense");
        robot.clickOn(fix);

        assertThat(onFx(() -> model.network().inputsOf("dense"))).containsExactly("flatten1");
        Label problem = robot.lookup("#problem-dense").queryAs(Label.class);
        assertThat(problem.isVisible()).isFalse();
        assertThat(problem.getText()).isEmpty();
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).endsWith("valid");
        assertThat(onFx(() -> model.undoDescription())).contains("insert flatten1 between conv and dense");
    }

    @Test
    void clickingAProblemSelectsItsNode(FxRobot robot) {
        showOnFx(NetworkDescription.builder("cnn without flatten")
                .then("input", Layer.Input.image(28, 28, 1))
                .then("conv", Layer.Convolution2D.of(8, 3))
                .then("dense", Layer.Dense.of(10))
                .then("output", Layer.Output.classification(10))
                .build());

        robot.clickOn(robot.point(".fix-button").atPosition(Pos.CENTER_RIGHT).atOffset(new Point2D(60, 0)));

        assertThat(onFx(() -> model.selection())).containsExactly("dense");
        assertThat(onFx(() -> model.network().inputsOf("dense"))).as("clicking the text does not fix").containsExactly("conv");
    }

    @Test
    void insertATemplateAsABlockAndDuplicateWithTheKeyboard(FxRobot robot) {
        robot.clickOn("Templates");
        robot.clickOn("#insert-lenet");

        assertThat(onFx(() -> model.network().nodes())).hasSize(10);
        assertThat(onFx(() -> model.selection())).hasSize(8).contains("input1", "conv1", "output1");
        assertThat(robot.lookup("#card-conv1").tryQuery()).isPresent();

        robot.clickOn("#card-input");
        shortcut(robot, KeyCode.D);
        assertThat(onFx(() -> model.selection())).containsExactly("input2");
        shortcut(robot, KeyCode.Z);
        shortcut(robot, KeyCode.Z);
        assertThat(onFx(() -> model.network().nodes())).hasSize(2);
    }

    @Test
    void rubberBandSelectsTheNodesItTouches(FxRobot robot) {
        showOnFx(io.neuralworkbench.engine.network.Templates.mlpClassifier(4, 3));
        Bounds input = cardOnScreen(robot, "input");
        Bounds dense1 = cardOnScreen(robot, "dense1");

        robot.drag(input.getMinX() - 20, input.getMinY() - 15, MouseButton.PRIMARY)
                .dropTo(dense1.getMaxX() + 20, dense1.getMinY() + 10);

        assertThat(onFx(() -> model.selection())).containsExactlyInAnyOrder("input", "dense1");
        robot.press(KeyCode.SHIFT).clickOn("#card-output").release(KeyCode.SHIFT);
        assertThat(onFx(() -> model.selection())).containsExactlyInAnyOrder("input", "dense1", "output");
    }

    @Test
    void theInspectorChecksRangesAndEditsTheSelectedNode(FxRobot robot) {
        showOnFx(io.neuralworkbench.engine.network.Templates.mlpClassifier(4, 3));
        robot.clickOn("#card-dense1");
        javafx.scene.control.TextField units = robot.lookup("#setting-units").queryAs(javafx.scene.control.TextField.class);
        assertThat(units.getText()).isEqualTo("64");
        assertThat(units.getTooltip().getText()).startsWith("Number of neurons").endsWith("Allowed: 1 to 100000.");

        robot.clickOn("#setting-units"); // looked up again: the sheet builds its editors anew when it wants
        shortcut(robot, KeyCode.A);
        robot.write("0").type(KeyCode.ENTER);
        assertThat(robot.lookup("#inspector-refusal").queryAs(Label.class).getText())
                .isEqualTo("units must be from 1 to 100000, not 0.");
        assertThat(robot.lookup("#setting-units").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("64");

        robot.clickOn("#setting-units");
        shortcut(robot, KeyCode.A);
        robot.write("128").type(KeyCode.ENTER);
        assertThat(onFx(() -> model.state().node("dense1").layer())).isEqualTo(Layer.Dense.of(128));
        assertThat(robot.lookup("#params-dense1").queryAs(Label.class).getText()).isEqualTo("640 parameters");
        assertThat(onFx(() -> model.undoDescription())).contains("set dense1 units to 128");
    }

    @Test
    void theWheelZoomsAndFFitsTheNetworkIntoView(FxRobot robot) {
        NetworkCanvas canvas = robot.lookup("#canvas").queryAs(NetworkCanvas.class);
        double fitted = onFx(canvas::zoomFactor);
        robot.moveTo("#canvas").scroll(5, javafx.geometry.VerticalDirection.UP);
        double zoomed = onFx(canvas::zoomFactor);
        assertThat(zoomed).isNotEqualTo(fitted);

        focusCanvas(robot);
        robot.type(KeyCode.F);
        assertThat(onFx(canvas::zoomFactor)).isCloseTo(fitted, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The card itself, without its ports and shadow. */
    private static Bounds cardOnScreen(FxRobot robot, String name) {
        javafx.scene.Node card = robot.lookup("#card-" + name).query();
        return onFx(() -> card.localToScreen(card.getLayoutBounds()));
    }
}
