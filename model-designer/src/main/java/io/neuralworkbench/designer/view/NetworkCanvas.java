package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.commands.AddNode;
import io.neuralworkbench.designer.commands.Align;
import io.neuralworkbench.designer.commands.AutoLayout;
import io.neuralworkbench.designer.commands.Connect;
import io.neuralworkbench.designer.commands.Disconnect;
import io.neuralworkbench.designer.commands.DuplicateNodes;
import io.neuralworkbench.designer.commands.ExpandGroup;
import io.neuralworkbench.designer.commands.GroupNodes;
import io.neuralworkbench.designer.commands.InsertBlock;
import io.neuralworkbench.designer.commands.MoveNodes;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.designer.model.CanvasPicture;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.CardText;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.LayerCatalog;
import io.neuralworkbench.designer.model.NetworkAnalysis;
import io.neuralworkbench.designer.model.NodeGroup;
import io.neuralworkbench.designer.model.SavedBlock;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Shape;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The drawing surface: cards and wires in "world" coordinates (those of {@link DesignState}), shown through a
 * pan/zoom transform. Every gesture ends in one command on the {@link DesignerModel}; while a gesture runs the
 * canvas only moves its own nodes, so a drag is one undo step.
 */
final class NetworkCanvas extends Region {
    private static final double MIN_ZOOM = 0.1;
    private static final double MAX_ZOOM = 3;
    private static final double FIT_MARGIN = 40;

    private final DesignerModel model;
    private final Consumer<String> status;
    private final Canvas grid = new Canvas();
    private final Group world = new Group();
    private final Group wireLayer = new Group();
    private final Group cardLayer = new Group();
    private final Group dragLayer = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Rectangle clip = new Rectangle();
    private final Rectangle rubberBand = new Rectangle();
    /** By {@link CanvasPicture.Card#key()}. */
    private final Map<String, NodeCard> cards = new LinkedHashMap<>();
    private final Map<Edge, WireView> wires = new HashMap<>();
    private final ContextMenu menu = new ContextMenu();

    /** Where the cards and wires are, as last drawn from the model. */
    private CanvasPicture picture;
    /** The gesture under way, if any. */
    private Gesture gesture;
    private Point2D lastMouseWorld = new Point2D(CardGeometry.MARGIN, CardGeometry.MARGIN);

    NetworkCanvas(DesignerModel model, Consumer<String> status) {
        this.model = model;
        this.status = status;
        getStyleClass().add("network-canvas");
        setId("canvas");
        world.getTransforms().setAll(pan, zoom);
        world.getChildren().addAll(wireLayer, cardLayer, dragLayer);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setManaged(false);
        rubberBand.setMouseTransparent(true);
        grid.setMouseTransparent(true);
        grid.setManaged(false);
        getChildren().addAll(grid, world, rubberBand);
        setClip(clip);
        setFocusTraversable(true);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> lastMouseWorld = toWorld(e.getX(), e.getY()));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        pan.xProperty().addListener((o, a, b) -> drawGrid());
        pan.yProperty().addListener((o, a, b) -> drawGrid());
        zoom.xProperty().addListener((o, a, b) -> drawGrid());

        model.addListener(change -> {
            if (change != DesignerModel.Change.SELECTION) {
                rebuild();
            } else {
                showSelection();
            }
        });
        rebuild();
    }

    // --- drawing ---

    /**
     * Brings cards and wires up to date with the model. Cards and wires are kept from one edit to the next and
     * only given new words and positions, so an edit of a 300-node network does not build 300 cards again.
     */
    private void rebuild() {
        DesignState state = model.state();
        NetworkAnalysis analysis = model.analysis();
        picture = CanvasPicture.of(state);
        Map<String, NodeCard> previous = new HashMap<>(cards);
        cards.clear();
        List<NodeCard> shown = new java.util.ArrayList<>();
        for (CanvasPicture.Card item : picture.cards()) {
            NodeCard card = previous.get(item.key());
            if (card == null || !card.fits(item.hasInputPort(), item.hasOutputPort())) {
                card = new NodeCard(item.key(), item.name(), item.block(), item.hasInputPort(), item.hasOutputPort());
                wireCardGestures(card);
            }
            card.show(item.block()
                    ? CardText.ofBlock(state.group(item.name()).orElseThrow(), state.network(), analysis)
                    : CardText.of(state.node(item.name()), analysis.node(item.name())));
            card.relocate(item.x(), item.y());
            cards.put(item.key(), card);
            shown.add(card);
        }
        if (!cardLayer.getChildren().equals(shown)) {
            cardLayer.getChildren().setAll(shown);
        }
        drawWires(picture);
        showSelection();
    }

    /** The wires of a picture: the model's, or one with some nodes elsewhere while they are dragged. */
    private void drawWires(CanvasPicture drawn) {
        Map<Edge, WireView> previous = new HashMap<>(wires);
        wires.clear();
        List<WireView> shown = new java.util.ArrayList<>();
        for (CanvasPicture.Wire item : drawn.wires()) {
            WireView wire = previous.get(item.edge());
            if (wire == null) {
                wire = new WireView(item.edge());
                wireGestures(wire);
            }
            Shape shape = model.analysis().node(item.edge().from()).outputShape();
            wire.update(item.curve(), shape == null ? "?" : shape.toString());
            wires.put(item.edge(), wire);
            shown.add(wire);
        }
        if (!wireLayer.getChildren().equals(shown)) {
            wireLayer.getChildren().setAll(shown);
        }
    }

    private void wireGestures(WireView wire) {
        Edge edge = wire.edge();
        wire.setOnContextMenuRequested(e -> {
            MenuItem remove = new MenuItem("Delete wire " + edge.from() + " → " + edge.to());
            remove.setOnAction(a -> run(new Disconnect(edge.from(), edge.to())));
            menu.getItems().setAll(remove);
            menu.show(wire, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void showSelection() {
        DesignState state = model.state();
        for (CanvasPicture.Card item : picture.cards()) {
            cards.get(item.key()).setSelected(
                    CanvasPicture.nodesOf(item, state).stream().allMatch(model::isSelected));
        }
    }

    private void drawGrid() {
        double width = getWidth();
        double height = getHeight();
        grid.setWidth(width);
        grid.setHeight(height);
        GraphicsContext g = grid.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        double spacing = CardGeometry.GRID * zoom.getX();
        while (spacing < 8) {
            spacing *= 5;
        }
        g.setFill(Color.rgb(0, 0, 0, 0.16));
        double startX = pan.getX() % spacing;
        double startY = pan.getY() % spacing;
        for (double x = startX; x < width; x += spacing) {
            for (double y = startY; y < height; y += spacing) {
                g.fillRect(x - 0.75, y - 0.75, 1.5, 1.5);
            }
        }
    }

    @Override
    protected void layoutChildren() {
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        drawGrid();
    }

    // --- view transform ---

    Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom.getX(), (y - pan.getY()) / zoom.getY());
    }

    double zoomFactor() {
        return zoom.getX();
    }

    private void setZoom(double factor, double pivotX, double pivotY) {
        double clamped = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, factor));
        Point2D pivotWorld = toWorld(pivotX, pivotY);
        zoom.setX(clamped);
        zoom.setY(clamped);
        pan.setX(pivotX - pivotWorld.getX() * clamped);
        pan.setY(pivotY - pivotWorld.getY() * clamped);
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() != 0) {
            setZoom(zoom.getX() * Math.pow(1.0015, event.getDeltaY()), event.getX(), event.getY());
        }
        event.consume();
    }

    /** Shows the whole network (F). */
    void zoomToFit() {
        Optional<double[]> bounds = picture.bounds();
        if (bounds.isEmpty() || getWidth() <= 0) {
            return;
        }
        double[] b = bounds.get();
        Rectangle2D box = new Rectangle2D(b[0], b[1], b[2] - b[0], b[3] - b[1]);
        double factor = Math.min((getWidth() - 2 * FIT_MARGIN) / box.getWidth(),
                (getHeight() - 2 * FIT_MARGIN) / box.getHeight());
        factor = Math.max(MIN_ZOOM, Math.min(1.5, factor));
        zoom.setX(factor);
        zoom.setY(factor);
        pan.setX(getWidth() / 2 - (box.getMinX() + box.getWidth() / 2) * factor);
        pan.setY(getHeight() / 2 - (box.getMinY() + box.getHeight() / 2) * factor);
    }

    /**
     * The whole network, not just what the view shows, drawn at {@code scale} on white with a margin; the scale is
     * lowered so that the longer side stays within {@code maxSide} pixels. Null when the canvas is empty.
     */
    WritableImage snapshotNetwork(double scale, double maxSide) {
        Optional<double[]> bounds = picture.bounds();
        if (bounds.isEmpty()) {
            return null;
        }
        double[] b = bounds.get();
        double margin = CardGeometry.GRID;
        double width = b[2] - b[0] + 2 * margin;
        double height = b[3] - b[1] + 2 * margin;
        double k = Math.min(scale, maxSide / Math.max(width, height));
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        try {
            // the snapshot applies the pan and zoom of the view; undo them, so world coordinates map to pixels
            parameters.setTransform(new Scale(k, k).createConcatenation(world.getLocalToParentTransform().createInverse()));
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("the view's zoom is never 0", e);
        }
        parameters.setViewport(new Rectangle2D(k * (b[0] - margin), k * (b[1] - margin),
                Math.ceil(k * width), Math.ceil(k * height)));
        dragLayer.setVisible(false);
        try {
            return world.snapshot(parameters, null);
        } finally {
            dragLayer.setVisible(true);
        }
    }

    /** Brings a node into the middle of the view (a problem clicked in the list). */
    void reveal(String nodeName) {
        picture.cardOfNode(nodeName).ifPresent(card -> {
            pan.setX(getWidth() / 2 - (card.x() + CardGeometry.WIDTH / 2) * zoom.getX());
            pan.setY(getHeight() / 2 - (card.y() + CardGeometry.HEIGHT / 2) * zoom.getY());
        });
    }

    /** Where a pasted or double-clicked node goes: under the mouse if it was over the canvas, else the middle. */
    Point2D insertionPoint() {
        return lastMouseWorld;
    }

    Point2D centreOfView() {
        return toWorld(getWidth() / 2 - CardGeometry.WIDTH / 2, getHeight() / 2 - CardGeometry.HEIGHT / 2);
    }

    // --- adding from the palette ---

    /** Adds a layer where the palette drag ended, if that was over the canvas; true when it was. */
    boolean dropFromPalette(LayerCatalog kind, double sceneX, double sceneY) {
        dragLayer.getChildren().clear();
        Point2D local = sceneToLocal(sceneX, sceneY);
        if (local == null || !contains(local)) {
            return false;
        }
        Point2D at = toWorld(local.getX(), local.getY()).subtract(CardGeometry.WIDTH / 2, CardGeometry.HEIGHT / 2);
        add(kind, at);
        return true;
    }

    /** Shows where a palette drag would put the card. */
    void paletteDragOver(LayerCatalog kind, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        dragLayer.getChildren().clear();
        if (local != null && contains(local)) {
            Point2D at = toWorld(local.getX(), local.getY());
            Rectangle ghost = new Rectangle(at.getX() - CardGeometry.WIDTH / 2, at.getY() - CardGeometry.HEIGHT / 2,
                    CardGeometry.WIDTH, CardGeometry.HEIGHT);
            ghost.getStyleClass().add("drop-ghost");
            Label title = new Label(kind.title());
            title.getStyleClass().add("drop-ghost-label");
            title.relocate(ghost.getX() + 10, ghost.getY() + 8);
            dragLayer.getChildren().addAll(ghost, title);
        }
    }

    void add(LayerCatalog kind, Point2D topLeft) {
        AddNode command = AddNode.ofKind(kind, topLeft.getX(), topLeft.getY());
        if (run(command)) {
            status.accept("Added " + command.addedName() + ".");
        }
    }

    // --- gestures on cards ---

    private void wireCardGestures(NodeCard card) {
        card.setOnMousePressed(e -> {
            requestFocus();
            List<String> nodes = nodesOf(card);
            boolean selected = !nodes.isEmpty() && nodes.stream().allMatch(model::isSelected);
            if (e.getButton() != MouseButton.PRIMARY) {
                if (!selected) {
                    model.select(nodes);
                }
                e.consume();
                return;
            }
            if (e.isShiftDown() || e.isShortcutDown()) {
                Set<String> wanted = new LinkedHashSet<>(model.selection());
                if (selected) {
                    nodes.forEach(wanted::remove);
                } else {
                    wanted.addAll(nodes);
                }
                model.select(wanted);
            } else if (!selected) {
                model.select(nodes);
            }
            gesture = new MoveGesture(toWorld(sceneToLocal(e.getSceneX(), e.getSceneY())));
            e.consume();
        });
        card.setOnMouseDragged(e -> {
            if (gesture instanceof MoveGesture move) {
                move.dragTo(toWorld(sceneToLocal(e.getSceneX(), e.getSceneY())));
            }
            e.consume();
        });
        card.setOnMouseReleased(e -> {
            if (gesture instanceof MoveGesture move) {
                move.finish();
            }
            gesture = null;
            e.consume();
        });
        card.setOnContextMenuRequested(e -> {
            menu.getItems().setAll(cardMenu());
            menu.show(card, e.getScreenX(), e.getScreenY());
            e.consume();
        });

        card.outputPort().setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                picture.cards().stream().filter(item -> item.key().equals(card.key())).findFirst()
                        .map(CanvasPicture.Card::outputNode)
                        .ifPresent(from -> gesture = new WireGesture(from));
            }
            e.consume();
        });
        card.outputPort().setOnMouseDragged(e -> {
            if (gesture instanceof WireGesture wire) {
                wire.dragTo(toWorld(sceneToLocal(e.getSceneX(), e.getSceneY())));
            }
            e.consume();
        });
        card.outputPort().setOnMouseReleased(e -> {
            if (gesture instanceof WireGesture wire) {
                wire.finish(toWorld(sceneToLocal(e.getSceneX(), e.getSceneY())));
            }
            gesture = null;
            e.consume();
        });
    }

    /** The nodes a card stands for now: the node, or the block's members. */
    private List<String> nodesOf(NodeCard card) {
        return picture.cards().stream().filter(item -> item.key().equals(card.key())).findFirst()
                .map(item -> CanvasPicture.nodesOf(item, model.state())).orElse(List.of());
    }

    private Point2D toWorld(Point2D local) {
        return toWorld(local.getX(), local.getY());
    }

    private List<MenuItem> cardMenu() {
        List<String> selected = List.copyOf(model.selection());
        MenuItem delete = item("Delete", () -> run(new RemoveNodes(selected)));
        MenuItem duplicate = item("Duplicate", () -> run(new DuplicateNodes(selected)));
        Menu align = new Menu("Align");
        for (Align.Edge edge : Align.Edge.values()) {
            align.getItems().add(item(edge.name().charAt(0) + edge.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                    () -> run(new Align(selected, edge))));
        }
        align.setDisable(selected.size() < 2);
        MenuItem group = item("Group into block…", this::groupSelection);
        group.setDisable(selected.size() < 2);
        MenuItem expand = item("Expand block", this::expandSelection);
        expand.setDisable(selectedBlocks().isEmpty());
        return List.of(delete, duplicate, align, new SeparatorMenuItem(), group, expand);
    }

    List<MenuItem> backgroundMenu(Runnable paste, List<MenuItem> more) {
        List<MenuItem> items = new java.util.ArrayList<>(List.of(item("Paste", paste),
                item("Select all", model::selectAll), new SeparatorMenuItem(),
                item("Auto-layout", () -> run(new AutoLayout())), item("Zoom to fit", this::zoomToFit)));
        if (!more.isEmpty()) {
            items.add(new SeparatorMenuItem());
            items.addAll(more);
        }
        return items;
    }

    // --- blocks ---

    /** Asks for a name and folds the selected nodes into a block, which also goes into "My blocks". */
    void groupSelection() {
        Set<String> selected = model.selection();
        if (selected.size() < 2) {
            status.accept("Select two or more nodes to group into a block.");
            return;
        }
        TextInputDialog dialog = new TextInputDialog(GroupNodes.freeName(model.state()));
        dialog.setTitle("Group into a block");
        dialog.setHeaderText("Name the block of " + selected.size() + " nodes. It is kept in My blocks to use again.");
        dialog.setContentText("Block name:");
        dialog.getEditor().setId("block-name");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.showAndWait().map(String::strip).ifPresent(name -> {
            if (run(new GroupNodes(selected, name))) {
                model.state().group(name).ifPresent(group -> model.blocks().put(SavedBlock.of(model.state(), group)));
                status.accept("Grouped " + selected.size() + " nodes into block " + name + " (also in My blocks).");
            }
        });
    }

    /** Unfolds the selected blocks (Ctrl+Shift+G). */
    void expandSelection() {
        List<String> blocks = selectedBlocks();
        if (blocks.isEmpty()) {
            status.accept("Select a block to expand first.");
        } else if (run(new ExpandGroup(blocks))) {
            status.accept("Expanded " + String.join(", ", blocks) + ".");
        }
    }

    /** Blocks all of whose nodes are selected. */
    private List<String> selectedBlocks() {
        return model.state().groups().stream()
                .filter(group -> group.members().stream().allMatch(model::isSelected))
                .map(NodeGroup::name).toList();
    }

    /** Inserts a block from "My blocks" with its top-left corner at a world point, folded into its card. */
    void insertSaved(SavedBlock block, Point2D topLeft) {
        if (run(InsertBlock.saved(block, topLeft.getX(), topLeft.getY()))) {
            status.accept("Inserted block " + block.name() + ".");
        }
    }

    /** Inserts a saved block where a palette drag ended, if that was over the canvas; true when it was. */
    boolean dropSaved(SavedBlock block, double sceneX, double sceneY) {
        dragLayer.getChildren().clear();
        Point2D local = sceneToLocal(sceneX, sceneY);
        if (local == null || !contains(local)) {
            return false;
        }
        insertSaved(block, toWorld(local.getX(), local.getY()).subtract(CardGeometry.WIDTH / 2, CardGeometry.HEIGHT / 2));
        return true;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Runs a command; a refusal goes to the status line. True when the command ran. */
    boolean run(io.neuralworkbench.designer.model.DesignerCommand command) {
        Optional<String> refused = model.tryExecute(command);
        refused.ifPresent(reason -> status.accept("Not done: " + reason));
        return refused.isEmpty();
    }

    /** The card under a world point, topmost first. */
    private Optional<CanvasPicture.Card> cardAt(Point2D world) {
        return picture.cardAt(new CanvasPicture.Point(world.getX(), world.getY()), NodeCard.PORT_RADIUS);
    }

    // --- gestures on the background ---

    private void backgroundPressed(MouseEvent e) {
        requestFocus();
        menu.hide();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && e.isAltDown())) {
            gesture = new PanGesture(e.getX(), e.getY());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = new RubberBandGesture(e.getX(), e.getY(), e.isShiftDown() || e.isShortcutDown());
        }
    }

    private void backgroundDragged(MouseEvent e) {
        if (gesture instanceof PanGesture panning) {
            panning.dragTo(e.getX(), e.getY());
        } else if (gesture instanceof RubberBandGesture band) {
            band.dragTo(e.getX(), e.getY());
        }
    }

    private void backgroundReleased(MouseEvent e) {
        if (gesture instanceof RubberBandGesture band) {
            band.finish();
        }
        gesture = null;
    }

    /** Something the mouse is doing between press and release. */
    private interface Gesture {
    }

    private final class PanGesture implements Gesture {
        private double lastX;
        private double lastY;

        PanGesture(double x, double y) {
            lastX = x;
            lastY = y;
        }

        void dragTo(double x, double y) {
            pan.setX(pan.getX() + x - lastX);
            pan.setY(pan.getY() + y - lastY);
            lastX = x;
            lastY = y;
        }
    }

    private final class RubberBandGesture implements Gesture {
        private final double startX;
        private final double startY;
        private final boolean adding;
        private boolean moved;

        RubberBandGesture(double x, double y, boolean adding) {
            startX = x;
            startY = y;
            this.adding = adding;
        }

        void dragTo(double x, double y) {
            moved = true;
            rubberBand.setX(Math.min(startX, x));
            rubberBand.setY(Math.min(startY, y));
            rubberBand.setWidth(Math.abs(x - startX));
            rubberBand.setHeight(Math.abs(y - startY));
            rubberBand.setVisible(true);
        }

        void finish() {
            rubberBand.setVisible(false);
            if (!moved) {
                if (!adding) {
                    model.clearSelection();
                }
                return;
            }
            Point2D a = toWorld(rubberBand.getX(), rubberBand.getY());
            Point2D b = toWorld(rubberBand.getX() + rubberBand.getWidth(), rubberBand.getY() + rubberBand.getHeight());
            Rectangle2D band = new Rectangle2D(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
            Set<String> chosen = new LinkedHashSet<>(adding ? model.selection() : Set.of());
            picture.cards().stream()
                    .filter(card -> band.intersects(card.x(), card.y(), CardGeometry.WIDTH, CardGeometry.HEIGHT))
                    .forEach(card -> chosen.addAll(CanvasPicture.nodesOf(card, model.state())));
            model.select(chosen);
        }
    }

    /** Moves the selected cards with the mouse; the model learns the new positions once, on release. */
    private final class MoveGesture implements Gesture {
        private final Point2D start;
        private final Map<String, Point2D> origins = new HashMap<>();
        private final Map<String, Point2D> moving = new HashMap<>();

        MoveGesture(Point2D start) {
            this.start = start;
            model.selection().forEach(name -> {
                NodeLayout p = model.state().positionOf(name);
                origins.put(name, new Point2D(p.x(), p.y()));
            });
        }

        void dragTo(Point2D world) {
            Point2D delta = world.subtract(start);
            Map<String, CanvasPicture.Point> moved = new HashMap<>();
            origins.forEach((name, origin) -> {
                Point2D to = origin.add(delta);
                moving.put(name, to);
                moved.put(name, new CanvasPicture.Point(to.getX(), to.getY()));
            });
            CanvasPicture drawn = CanvasPicture.of(model.state(), moved);
            origins.keySet().stream().map(drawn::cardOfNode).flatMap(Optional::stream).distinct()
                    .forEach(item -> cards.get(item.key()).relocate(item.x(), item.y()));
            drawWires(drawn);
        }

        void finish() {
            if (moving.isEmpty() || moving.equals(origins)) {
                return;
            }
            run(new MoveNodes(moving.entrySet().stream()
                    .map(entry -> new NodeLayout(entry.getKey(), entry.getValue().getX(), entry.getValue().getY()))
                    .toList(), true));
        }
    }

    /** Draws a wire from an output port; over a card it says at once whether the wire would be accepted. */
    private final class WireGesture implements Gesture {
        private final String from;
        private final CubicCurve line = new CubicCurve();
        private final Label reason = new Label();
        /** The card last hovered and its verdict: checking costs a shape inference, so not on every mouse move. */
        private Optional<String> checkedTarget = Optional.empty();
        private Optional<String> checkedProblem = Optional.empty();

        WireGesture(String from) {
            this.from = from;
            line.getStyleClass().add("wire-drag");
            line.setFill(null);
            line.setMouseTransparent(true);
            reason.getStyleClass().add("wire-refusal");
            reason.setId("wire-refusal");
            reason.setMouseTransparent(true);
            reason.setVisible(false);
            dragLayer.getChildren().setAll(line, reason);
        }

        void dragTo(Point2D world) {
            CanvasPicture.Point start = picture.cardOfNode(from).orElseThrow().outputPoint();
            WireView.shape(line, CanvasPicture.Curve.between(start, new CanvasPicture.Point(world.getX(), world.getY())));
            Optional<String> target = targetAt(world);
            if (!target.equals(checkedTarget)) {
                checkedTarget = target;
                checkedProblem = target.flatMap(name -> model.connectionProblem(from, name));
            }
            Optional<String> problem = checkedProblem;
            line.getStyleClass().removeAll("accepted", "refused");
            if (target.isPresent()) {
                line.getStyleClass().add(problem.isPresent() ? "refused" : "accepted");
            }
            reason.setVisible(problem.isPresent());
            problem.ifPresent(text -> {
                reason.setText("✕ " + text);
                reason.relocate(world.getX() + 14, world.getY() + 10);
            });
        }

        /** The node a wire dropped here would go into; not the card the wire starts from. */
        private Optional<String> targetAt(Point2D world) {
            return cardAt(world).filter(card -> !card.key().equals(picture.cardOfNode(from).orElseThrow().key()))
                    .map(CanvasPicture.Card::inputNode);
        }

        void finish(Point2D world) {
            dragLayer.getChildren().clear();
            Optional<String> target = targetAt(world);
            if (target.isEmpty()) {
                return;
            }
            Optional<String> problem = model.connectionProblem(from, target.get());
            if (problem.isPresent()) {
                status.accept("Not connected: " + problem.get());
            } else if (run(new Connect(from, target.get()))) {
                status.accept("Connected " + from + " → " + target.get() + ".");
            }
        }
    }

    ContextMenu menu() {
        return menu;
    }
}
