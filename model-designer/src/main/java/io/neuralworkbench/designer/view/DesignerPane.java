package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.commands.Align;
import io.neuralworkbench.designer.commands.AutoLayout;
import io.neuralworkbench.designer.commands.DuplicateNodes;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignerModel;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

import java.util.Map;
import java.util.Objects;

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

    private final DesignerModel model;
    private final NetworkCanvas canvas;
    private final SummaryBar summary;
    /** What this window copied last: used when the system clipboard cannot be read (some headless platforms). */
    private String copied;

    public DesignerPane(DesignerModel model) {
        this.model = model;
        getStyleClass().add("designer");
        getStylesheets().add(Objects.requireNonNull(DesignerPane.class.getResource("designer.css")).toExternalForm());
        summary = new SummaryBar(model);
        canvas = new NetworkCanvas(model, summary::setStatus);
        canvas.setOnContextMenuRequested(e -> {
            canvas.menu().getItems().setAll(canvas.backgroundMenu(this::paste));
            canvas.menu().show(canvas, e.getScreenX(), e.getScreenY());
        });

        TabPane side = new TabPane(
                new Tab("Layers", scrolling(new PalettePane(canvas))),
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
                button("Auto-layout", "Lay the network out top to bottom", () -> canvas.run(new AutoLayout())),
                button("Zoom to fit", "Show the whole network (F)", canvas::zoomToFit));
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
                PASTE, this::paste, DUPLICATE, this::duplicateSelection, SELECT_ALL, model::selectAll);
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
