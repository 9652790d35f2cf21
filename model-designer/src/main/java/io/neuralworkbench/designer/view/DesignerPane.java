package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.commands.Align;
import io.neuralworkbench.designer.commands.AutoLayout;
import io.neuralworkbench.designer.commands.DuplicateNodes;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.designer.commands.ReplaceNetwork;
import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.SvgPicture;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.importing.KerasArchitectureImport;
import io.neuralworkbench.engine.util.AtomicFiles;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/**
 * The whole designer: palette and templates on the left, the canvas with the problems below it, the inspector on
 * the right, the summary bar at the bottom. It only wires views to the {@link DesignerModel}; everything that
 * decides anything (validation, fixes, what a command does) lives in the model package.
 */
public final class DesignerPane extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination DUPLICATE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination GROUP = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EXPAND = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Pixels per world unit of an exported PNG: twice the screen's, so it stays sharp in a document. */
    private static final double PNG_SCALE = 2;
    /** The longer side of an exported PNG at most; a bigger network is drawn smaller. */
    private static final double PNG_MAX_SIDE = 8000;
    /**
     * Networks this big are validated off the FX thread. Measured on the shared 2-core machine (load 7): the
     * median validation took 3 ms at 40 nodes, 10–16 ms at 80–100 (one frame), 23 ms at 120 and 60 ms at 300.
     */
    public static final int BACKGROUND_VALIDATION_FROM_NODES = 100;
    /** One thread for all designers: validations are short and only the newest of each designer runs. */
    private static final Executor VALIDATION = Executors.newSingleThreadExecutor(daemon("designer-validation"));
    private static final Executor FILES = Executors.newSingleThreadExecutor(daemon("designer-files"));

    private final DesignerModel model;
    private final NetworkCanvas canvas;
    private final SummaryBar summary;
    /** What this window copied last: used when the system clipboard cannot be read (some headless platforms). */
    private String copied;
    private FileChoices files = FileChoices.platform(() -> getScene() == null ? null : getScene().getWindow());
    /** Where file reading and writing runs, never on the FX thread; the app may hand in its own. */
    private Executor background = FILES;

    public DesignerPane(DesignerModel model) {
        this.model = model;
        model.validateInBackground(VALIDATION, Platform::runLater, BACKGROUND_VALIDATION_FROM_NODES);
        getStyleClass().add("designer");
        getStylesheets().add(Objects.requireNonNull(DesignerPane.class.getResource("designer.css")).toExternalForm());
        summary = new SummaryBar(model);
        canvas = new NetworkCanvas(model, summary::setStatus);
        canvas.setOnContextMenuRequested(e -> {
            canvas.menu().getItems().setAll(canvas.backgroundMenu(this::paste, fileMenuItems()));
            canvas.menu().show(canvas, e.getScreenX(), e.getScreenY());
        });

        TabPane side = new TabPane(
                new Tab("Layers", scrolling(new PalettePane(canvas, model.blocks()))),
                new Tab("Templates", scrolling(new TemplateGallery(model, canvas))));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(230);
        side.setMinWidth(180);

        ProblemsPane problems = new ProblemsPane(model, canvas);
        SplitPane centre = new SplitPane(canvas, problems);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.85);
        problems.setPrefHeight(110);
        problems.setMinHeight(60);
        SplitPane.setResizableWithParent(problems, false);

        InspectorPane inspector = new InspectorPane(model);
        inspector.setPrefWidth(290);

        setTop(toolBar());
        setLeft(side);
        setCenter(centre);
        setRight(inspector);
        setBottom(summary);
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // the first layout decides the canvas size; fit the network to it then
        Platform.runLater(canvas::zoomToFit);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public DesignerModel model() {
        return model;
    }

    /** Shows the whole network. */
    public void zoomToFit() {
        canvas.zoomToFit();
    }

    private static ScrollPane scrolling(javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private ToolBar toolBar() {
        return new ToolBar(
                button("↶ Undo", "Undo the last edit (Ctrl+Z)", model::undo),
                button("↷ Redo", "Redo what was undone (Ctrl+Y)", model::redo),
                button("Delete", "Delete the selected nodes (Delete)", this::deleteSelection),
                button("Duplicate", "Duplicate the selected nodes (Ctrl+D)", this::duplicateSelection),
                button("Align left", "Line the selected nodes up on the left", () -> align(Align.Edge.LEFT)),
                button("Align top", "Line the selected nodes up at the top", () -> align(Align.Edge.TOP)),
                button("Group", "Fold the selected nodes into a named block (Ctrl+G)", canvas::groupSelection),
                button("Expand", "Unfold the selected block (Ctrl+Shift+G)", canvas::expandSelection),
                button("Auto-layout", "Lay the network out top to bottom", () -> canvas.run(new AutoLayout())),
                button("Zoom to fit", "Show the whole network (F)", canvas::zoomToFit),
                fileMenu());
    }

    private MenuButton fileMenu() {
        MenuButton menu = new MenuButton("File");
        menu.setId("designer-file-menu");
        menu.setFocusTraversable(false);
        menu.getItems().setAll(fileMenuItems());
        return menu;
    }

    private List<MenuItem> fileMenuItems() {
        MenuItem png = new MenuItem("Export picture as PNG…");
        png.setId("export-png");
        png.setOnAction(e -> files.save("Export the network as PNG", "PNG image", "png", fileStem() + ".png")
                .ifPresent(this::exportPng));
        MenuItem svg = new MenuItem("Export picture as SVG…");
        svg.setId("export-svg");
        svg.setOnAction(e -> files.save("Export the network as SVG", "SVG picture", "svg", fileStem() + ".svg")
                .ifPresent(this::exportSvg));
        MenuItem keras = new MenuItem("Import Keras model…");
        keras.setId("import-keras");
        keras.setOnAction(e -> files.open("Import a Keras model's architecture", "Keras model (HDF5)", "h5", "hdf5",
                "keras").ifPresent(this::importKeras));
        return List.of(png, svg, new SeparatorMenuItem(), keras);
    }

    private String fileStem() {
        String name = model.network().name().replaceAll("[^\\w.-]+", "-");
        return name.isBlank() ? "network" : name;
    }

    /** Uses other file dialogs (tests use a stand-in). */
    public void setFileChoices(FileChoices choices) {
        files = Objects.requireNonNull(choices);
    }

    /** Runs file reading and writing on this executor instead of the designer's own thread. */
    public void setBackground(Executor executor) {
        background = Objects.requireNonNull(executor);
    }

    /** Writes the whole network as a PNG image; the file is written off the FX thread. */
    public void exportPng(Path file) {
        WritableImage image = canvas.snapshotNetwork(PNG_SCALE, PNG_MAX_SIDE);
        if (image == null) {
            summary.setStatus("Nothing to export: the canvas is empty.");
            return;
        }
        java.awt.image.BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        inBackground(() -> {
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(pixels, "png", out)) {
                    throw new IOException("no PNG writer");
                }
            });
            return "Saved the picture to " + file + " (" + pixels.getWidth() + "×" + pixels.getHeight() + " pixels).";
        }, "The picture was not saved");
    }

    /** Writes the whole network as an SVG picture; the file is written off the FX thread. */
    public void exportSvg(Path file) {
        String svg = SvgPicture.of(model.state(), model.analysis());
        inBackground(() -> {
            AtomicFiles.writeString(file, svg);
            return "Saved the picture to " + file + ".";
        }, "The picture was not saved");
    }

    /**
     * Replaces the network with the architecture of a Keras .h5 model (undoable). The file is read off the FX
     * thread; a layer that has no node kind here is named in the message.
     */
    public void importKeras(Path file) {
        summary.setStatus("Reading " + file.getFileName() + "…");
        CompletableFuture.supplyAsync(() -> KerasArchitectureImport.read(file), background)
                .whenComplete((network, failure) -> Platform.runLater(() -> {
                    if (failure == null) {
                        if (canvas.run(new ReplaceNetwork(network, "import " + file.getFileName()))) {
                            canvas.zoomToFit();
                            summary.setStatus("Imported " + network.nodes().size() + " layers from "
                                    + file.getFileName() + ".");
                        }
                    } else {
                        showFailure("The Keras model was not imported", failure);
                    }
                }));
    }

    /** Something that reads or writes a file, returning the message for the status line. */
    private interface FileWork {
        String run() throws IOException;
    }

    private void inBackground(FileWork work, String failureTitle) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenComplete((message, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                summary.setStatus(message);
            } else {
                showFailure(failureTitle, failure);
            }
        }));
    }

    private void showFailure(String title, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause instanceof UserInputException ? cause.getMessage()
                : cause instanceof UncheckedIOException io ? io.getCause().getMessage() + ". Choose another place."
                : cause.toString();
        summary.setStatus(title + ": " + message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(title);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    private void shortcut(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl) {
            return; // typing in a field: Delete and Ctrl+Z belong to the field
        }
        Map<KeyCombination, Runnable> actions = Map.of(
                UNDO, model::undo, REDO, model::redo, REDO_SHIFT, model::redo, COPY, this::copySelection,
                PASTE, this::paste, DUPLICATE, this::duplicateSelection, SELECT_ALL, model::selectAll,
                GROUP, canvas::groupSelection, EXPAND, canvas::expandSelection);
        for (Map.Entry<KeyCombination, Runnable> action : actions.entrySet()) {
            if (action.getKey().match(event)) {
                action.getValue().run();
                event.consume();
                return;
            }
        }
        if (!event.isShortcutDown() && !event.isAltDown()) {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                deleteSelection();
                event.consume();
            } else if (event.getCode() == KeyCode.F) {
                canvas.zoomToFit();
                event.consume();
            }
        }
    }

    private void deleteSelection() {
        if (!model.selection().isEmpty()) {
            canvas.run(new RemoveNodes(model.selection()));
        }
    }

    private void duplicateSelection() {
        canvas.run(new DuplicateNodes(model.selection()));
    }

    private void align(Align.Edge edge) {
        canvas.run(new Align(model.selection(), edge));
    }

    /** Puts the selection on the system clipboard as network JSON, so another project can paste it. */
    void copySelection() {
        String json = model.copySelection();
        if (json == null) {
            summary.setStatus("Select the nodes to copy first.");
            return;
        }
        copied = json;
        ClipboardContent content = new ClipboardContent();
        content.putString(json);
        Clipboard.getSystemClipboard().setContent(content);
        summary.setStatus("Copied " + model.selection().size() + (model.selection().size() == 1 ? " node." : " nodes."));
    }

    void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String text = clipboard.hasString() ? clipboard.getString() : copied;
        Point2D at = canvas.insertionPoint();
        try {
            model.paste(text, at.getX(), at.getY());
            summary.setStatus("Pasted " + model.selection().size() + (model.selection().size() == 1 ? " node." : " nodes."));
        } catch (CommandRefusedException refused) {
            summary.setStatus("Not pasted: " + refused.getMessage());
        }
    }
}
