package io.neuralworkbench.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralworkbench.designer.model.CanvasPicture;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.NetworkAnalysis;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Templates;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Blocks (group with Ctrl+G, expand with Ctrl+Shift+G, insert from My blocks), picture export and Keras import
 * through the File menu, and a slow validation that leaves the window responsive: real clicks and keys,
 * headless. The file dialogs are replaced by a stand-in that answers with a path in a temporary folder.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class DesignerBlocksAndFilesTest {
    private DesignerModel model;
    private DesignerPane pane;
    private Stage stage;
    @TempDir
    Path folder;
    /** The file the stand-in dialog answers with. */
    private Path chosen;

    @BeforeAll
    static void startJavaFx() throws java.util.concurrent.TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(Templates.mlpClassifier(4, 3)); // input → dense1 → dense2 → output
    }

    private void show(io.neuralworkbench.engine.network.NetworkDescription network) {
        model = new DesignerModel(DesignState.laidOut(network));
        pane = new DesignerPane(model);
        pane.setFileChoices(new FileChoices() {
            @Override
            public Optional<Path> save(String title, String description, String extension, String suggestedName) {
                return Optional.of(chosen);
            }

            @Override
            public Optional<Path> open(String title, String description, String... extensions) {
                return Optional.of(chosen);
            }
        });
        stage.setScene(new Scene(pane, 1200, 760));
        stage.show();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        assertThat(onFx(condition::getAsBoolean)).as(what).isTrue();
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(KeyCode.CONTROL).press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        robot.release(KeyCode.CONTROL);
    }

    private void selectByClicks(FxRobot robot, String first, String second) {
        robot.clickOn("#card-" + first);
        robot.press(KeyCode.SHIFT).clickOn("#card-" + second).release(KeyCode.SHIFT);
        assertThat(onFx(() -> model.selection())).containsExactlyInAnyOrder(first, second);
    }

    /** Ctrl+G, then the block's name typed into the dialog. */
    private void groupAs(FxRobot robot, String name) {
        shortcut(robot, KeyCode.G);
        robot.lookup("#block-name").queryAs(javafx.scene.control.TextField.class); // the dialog is up
        robot.clickOn("#block-name");
        shortcut(robot, KeyCode.A);
        robot.write(name).type(KeyCode.ENTER);
    }

    /** The texts of a card's labels of one style class, e.g. its ".card-title". */
    private static java.util.List<String> lines(FxRobot robot, String cardId, String styleClass) {
        javafx.scene.Node card = robot.lookup(cardId).query();
        return onFx(() -> card.lookupAll(styleClass).stream().map(node -> ((Label) node).getText()).toList());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void groupTwoNodesIntoABlockUndoRedoAndExpandItAgain(FxRobot robot) {
        selectByClicks(robot, "dense1", "dense2");
        groupAs(robot, "hidden");

        assertThat(robot.lookup("#block-hidden").tryQuery()).isPresent();
        assertThat(robot.lookup("#card-dense1").tryQuery()).isEmpty();
        assertThat(text(robot, "#params-block-hidden")).isEqualTo("2,400 parameters"); // 4·64+64 + 64·32+32
        assertThat(lines(robot, "#block-hidden", ".card-title")).containsExactly("Block · 2 nodes");
        assertThat(lines(robot, "#block-hidden", ".card-shape")).containsExactly("→ [32]");
        assertThat(robot.lookup("#wire-input-dense1").tryQuery()).isPresent(); // now ends on the block
        assertThat(robot.lookup("#wire-dense1-dense2").tryQuery()).isEmpty();  // folded inside it
        assertThat(robot.lookup("#myblock-hidden").tryQuery()).isPresent();
        assertThat(onFx(() -> model.network().nodes())).hasSize(4);

        shortcut(robot, KeyCode.Z);
        assertThat(robot.lookup("#card-dense1").tryQuery()).isPresent();
        assertThat(robot.lookup("#block-hidden").tryQuery()).isEmpty();
        shortcut(robot, KeyCode.Y);
        assertThat(robot.lookup("#block-hidden").tryQuery()).isPresent();

        robot.clickOn("#block-hidden");
        assertThat(onFx(() -> model.selection())).containsExactlyInAnyOrder("dense1", "dense2");
        shortcut(robot, KeyCode.SHIFT, KeyCode.G);
        assertThat(robot.lookup("#block-hidden").tryQuery()).isEmpty();
        assertThat(robot.lookup("#card-dense1").tryQuery()).isPresent();
        assertThat(robot.lookup("#wire-dense1-dense2").tryQuery()).isPresent();
        assertThat(onFx(() -> model.undoDescription())).contains("expand hidden");
        shortcut(robot, KeyCode.Z);
        assertThat(robot.lookup("#block-hidden").tryQuery()).isPresent();
    }

    @Test
    void aBlockMovesAsOneAndIsInsertedAgainFromMyBlocks(FxRobot robot) {
        selectByClicks(robot, "dense1", "dense2");
        groupAs(robot, "hidden");
        double dense2Before = onFx(() -> model.state().positionOf("dense2").x());

        robot.drag("#block-hidden", MouseButton.PRIMARY).dropBy(200, 0);
        assertThat(onFx(() -> model.state().positionOf("dense2").x())).isGreaterThan(dense2Before + 100);
        assertThat(onFx(() -> model.state().group("hidden"))).isPresent();

        robot.doubleClickOn("#myblock-hidden");
        assertThat(robot.lookup("#block-hidden1").tryQuery()).isPresent();
        assertThat(onFx(() -> model.state().group("hidden1").orElseThrow().members()))
                .containsExactly("dense3", "dense4");
        assertThat(onFx(() -> model.network().nodes())).hasSize(6);

        robot.drag("#myblock-hidden", MouseButton.PRIMARY)
                .dropTo(robot.point("#canvas").atPosition(javafx.geometry.Pos.CENTER_RIGHT)
                        .atOffset(new javafx.geometry.Point2D(-150, 0)));
        assertThat(onFx(() -> model.state().group("hidden2").orElseThrow().members()))
                .containsExactly("dense5", "dense6");

        // a wire dragged onto the new block goes into its first node
        robot.drag("#out-input", MouseButton.PRIMARY).dropTo("#block-hidden1");
        assertThat(onFx(() -> model.network().inputsOf("dense3"))).containsExactly("input");
        assertThat(lines(robot, "#block-hidden1", ".card-shape")).containsExactly("→ [32]");
    }

    @Test
    void exportThePictureAsSvgAndPngFromTheFileMenu(FxRobot robot) throws Exception {
        robot.moveTo("#canvas").scroll(15, javafx.geometry.VerticalDirection.UP); // zoomed in: not all is in view
        CanvasPicture picture = onFx(() -> CanvasPicture.of(model.state()));
        double[] bounds = picture.bounds().orElseThrow();

        chosen = folder.resolve("mlp.svg");
        robot.clickOn("#designer-file-menu").clickOn("Export picture as SVG…");
        waitFor("the SVG is written", () -> Files.exists(chosen));
        String svg = Files.readString(chosen);
        assertThat(svg.split("<rect ", -1)).hasSize(4 + 1);
        assertThat(svg.split("<path ", -1)).hasSize(3 + 1);
        assertThat(svg).contains(">dense1<", ">→ [64]<", ">[64]<");

        chosen = folder.resolve("mlp.png");
        robot.clickOn("#designer-file-menu").clickOn("Export picture as PNG…");
        waitFor("the PNG is written", () -> Files.exists(chosen));
        BufferedImage png = ImageIO.read(chosen.toFile());
        double margin = 20;
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil(2 * (bounds[2] - bounds[0] + 2 * margin)));
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(2 * (bounds[3] - bounds[1] + 2 * margin)));
        for (CanvasPicture.Card card : picture.cards()) { // every card is in the picture, not just those in view
            int x = (int) Math.round(2 * (card.x() - bounds[0] + margin + 40)); // left of the input port
            int y = (int) Math.round(2 * (card.y() - bounds[1] + margin));
            assertThat(darkPixelsAround(png, x, y)).as(card.name() + "'s top edge").isGreaterThan(0);
        }
        assertThat(png.getRGB(1, 1) & 0xffffff).as("white background").isEqualTo(0xffffff);
        assertThat(text(robot, "#status")).startsWith("Saved the picture to ").endsWith("pixels).");
    }

    /** Pixels clearly darker than white within 4 pixels of a point. */
    private static int darkPixelsAround(BufferedImage image, int x, int y) {
        int count = 0;
        for (int dy = -4; dy <= 4; dy++) {
            int rgb = image.getRGB(x, Math.max(0, Math.min(image.getHeight() - 1, y + dy)));
            int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
            count += grey < 230 ? 1 : 0;
        }
        return count;
    }

    @Test
    void importAKeras2ModelFromTheFileMenuAndUndoIt(FxRobot robot) throws Exception {
        chosen = Path.of("../shared/models/keras/keras2-sequential-mlp.h5").toAbsolutePath();
        robot.clickOn("#designer-file-menu").clickOn("Import Keras model…");
        waitFor("the model is imported", () -> model.state().hasNode("dense_1"));

        assertThat(onFx(() -> model.network().nodes())).extracting(Node::name)
                .containsExactly("flatten_input", "flatten", "dense", "dense_1");
        assertThat(text(robot, "#params-dense")).isEqualTo("100,480 parameters");
        assertThat(text(robot, "#summary")).startsWith("101,770 parameters").endsWith("valid");
        assertThat(onFx(() -> model.undoDescription())).contains("import keras2-sequential-mlp.h5");

        shortcut(robot, KeyCode.Z);
        assertThat(robot.lookup("#card-dense1").tryQuery()).isPresent();
    }

    @Test
    void aSlowValidationLeavesTheWindowResponsiveAndItsResultIsShownWhenItArrives(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        onFx(() -> {
            model.useAnalyser((network, batch, dataset) -> {
                try {
                    release.await(30, TimeUnit.SECONDS); // far slower than a frame
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return NetworkAnalysis.of(network, batch, dataset);
            });
            model.validateInBackground(runnable -> {
                Thread thread = new Thread(runnable, "slow-validation");
                thread.setDaemon(true);
                thread.start();
            }, javafx.application.Platform::runLater, 1);
            return null;
        });

        robot.clickOn("#card-dense1");
        robot.clickOn("#setting-units");
        shortcut(robot, KeyCode.A);
        robot.write("10").type(KeyCode.ENTER);

        // the edit is on screen while its validation still runs, and the FX thread answers at once
        assertThat(onFx(() -> model.state().node("dense1").layer())).isEqualTo(Layer.Dense.of(10));
        long start = System.nanoTime();
        assertThat(onFx(() -> model.analysisPending())).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(text(robot, "#summary")).endsWith("validating…");
        assertThat(text(robot, "#params-dense1")).isEqualTo("320 parameters"); // the last known figures

        release.countDown();
        waitFor("the validation arrives", () -> !model.analysisPending());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#params-dense1")).isEqualTo("50 parameters");
        assertThat(text(robot, "#summary")).endsWith("valid");
    }
}
