package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.commands.AddNode;
import io.neuralworkbench.designer.commands.Align;
import io.neuralworkbench.designer.commands.AutoLayout;
import io.neuralworkbench.designer.commands.Connect;
import io.neuralworkbench.designer.commands.Disconnect;
import io.neuralworkbench.designer.commands.DuplicateNodes;
import io.neuralworkbench.designer.commands.MoveNodes;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.CardText;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.LayerCatalog;
import io.neuralworkbench.designer.model.NetworkAnalysis;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, NodeCard> cards = new LinkedHashMap<>();
    private final Map<Edge, WireView> wires = new HashMap<>();
    private final ContextMenu menu = new ContextMenu();

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
            if (change == DesignerModel.Change.CONTENT) {
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
        Map<String, NodeCard> previous = new HashMap<>(cards);
        cards.clear();
        List<NodeCard> shown = new java.util.ArrayList<>();
        for (Node node : state.network().nodes()) {
            CardText text = CardText.of(node, analysis.node(node.name()));
            boolean inputPort = node.layer().maxInputs() > 0;
            boolean outputPort = !(node.layer() instanceof Layer.Output);
            NodeCard card = previous.get(node.name());
            if (card == null || !card.fits(inputPort, outputPort)) {
                card = new NodeCard(node.name(), inputPort, outputPort);
                wireCardGestures(card);
            }
            card.show(text);
            NodeLayout position = state.positionOf(node.name());
            card.relocate(position.x(), position.y());
            cards.put(node.name(), card);
            shown.add(card);
        }
        if (!cardLayer.getChildren().equals(shown)) {
            cardLayer.getChildren().setAll(shown);
        }
        drawWires(Map.of());
        showSelection();
    }

    /** The wires, with some nodes drawn at other positions than the model's (while they are dragged). */
    private void drawWires(Map<String, Point2D> moving) {
        Map<Edge, WireView> previous = new HashMap<>(wires);
        wires.clear();
        Map<String, List<String>> inputs = new HashMap<>(); // once, not a scan of all edges per wire
        model.network().edges().forEach(e -> inputs.computeIfAbsent(e.to(), k -> new java.util.ArrayList<>()).add(e.from()));
        List<WireView> shown = new java.util.ArrayList<>();
        for (Edge edge : model.network().edges()) {
            if (!cards.containsKey(edge.from()) || !cards.containsKey(edge.to())) {
                continue;
            }
            WireView wire = previous.get(edge);
            if (wire == null) {
                wire = new WireView(edge);
                wireGestures(wire);
            }
            Shape shape = model.analysis().node(edge.from()).outputShape();
            wire.update(outputPoint(topLeft(edge.from(), moving)),
                    inputPoint(topLeft(edge.to(), moving), edge.from(), inputs.get(edge.to())),
                    shape == null ? "?" : shape.toString());
            wires.put(edge, wire);
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

    private Point2D topLeft(String name, Map<String, Point2D> moving) {
        Point2D moved = moving.get(name);
        if (moved != null) {
            return moved;
        }
        NodeLayout position = model.state().positionOf(name);
        return new Point2D(position.x(), position.y());
    }

    private static Point2D outputPoint(Point2D topLeft) {
        return topLeft.add(CardGeometry.WIDTH / 2, CardGeometry.HEIGHT);
    }

    /** Several inputs (add, concatenate) arrive side by side in their order, so each wire can be told apart. */
    private static Point2D inputPoint(Point2D topLeft, String from, List<String> inputs) {
        int index = Math.max(0, inputs.indexOf(from));
        return topLeft.add(CardGeometry.WIDTH * (index + 1) / (inputs.size() + 1), 0);
    }

    private void showSelection() {
        cards.forEach((name, card) -> card.setSelected(model.isSelected(name)));
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
        Optional<Rectangle2D> bounds = bounds(model.state().positions().values());
        if (bounds.isEmpty() || getWidth() <= 0) {
            return;
        }
        Rectangle2D box = bounds.get();
        double factor = Math.min((getWidth() - 2 * FIT_MARGIN) / box.getWidth(),
                (getHeight() - 2 * FIT_MARGIN) / box.getHeight());
        factor = Math.max(MIN_ZOOM, Math.min(1.5, factor));
        zoom.setX(factor);
        zoom.setY(factor);
        pan.setX(getWidth() / 2 - (box.getMinX() + box.getWidth() / 2) * factor);
        pan.setY(getHeight() / 2 - (box.getMinY() + box.getHeight() / 2) * factor);
    }

    /** Brings a node into the middle of the view (a problem clicked in the list). */
    void reveal(String nodeName) {
        if (!model.state().hasNode(nodeName)) {
            return;
        }
        NodeLayout position = model.state().positionOf(nodeName);
        pan.setX(getWidth() / 2 - (position.x() + CardGeometry.WIDTH / 2) * zoom.getX());
        pan.setY(getHeight() / 2 - (position.y() + CardGeometry.HEIGHT / 2) * zoom.getY());
    }

    private static Optional<Rectangle2D> bounds(java.util.Collection<NodeLayout> positions) {
        if (positions.isEmpty()) {
            return Optional.empty();
        }
        double minX = positions.stream().mapToDouble(NodeLayout::x).min().orElseThrow();
        double minY = positions.stream().mapToDouble(NodeLayout::y).min().orElseThrow();
        double maxX = positions.stream().mapToDouble(NodeLayout::x).max().orElseThrow() + CardGeometry.WIDTH;
        double maxY = positions.stream().mapToDouble(NodeLayout::y).max().orElseThrow() + CardGeometry.HEIGHT;
        return Optional.of(new Rectangle2D(minX, minY, maxX - minX, maxY - minY));
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
            if (e.getButton() != MouseButton.PRIMARY) {
                if (!model.isSelected(card.nodeName())) {
                    model.select(List.of(card.nodeName()));
                }
                e.consume();
                return;
            }
            if (e.isShiftDown() || e.isShortcutDown()) {
                model.toggleSelected(card.nodeName());
            } else if (!model.isSelected(card.nodeName())) {
                model.select(List.of(card.nodeName()));
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
                gesture = new WireGesture(card.nodeName());
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
        return List.of(delete, duplicate, align);
    }

    List<MenuItem> backgroundMenu(Runnable paste) {
        return List.of(item("Paste", paste), item("Select all", model::selectAll), new SeparatorMenuItem(),
                item("Auto-layout", () -> run(new AutoLayout())), item("Zoom to fit", this::zoomToFit));
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
    private Optional<String> cardAt(Point2D world) {
        DesignState state = model.state();
        List<String> names = List.copyOf(cards.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            NodeLayout p = state.positionOf(names.get(i));
            if (world.getX() >= p.x() && world.getX() <= p.x() + CardGeometry.WIDTH
                    && world.getY() >= p.y() - NodeCard.PORT_RADIUS
                    && world.getY() <= p.y() + CardGeometry.HEIGHT) {
                return Optional.of(names.get(i));
            }
        }
        return Optional.empty();
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
            java.util.Set<String> chosen = new java.util.LinkedHashSet<>(adding ? model.selection() : java.util.Set.of());
            model.state().positions().values().stream()
                    .filter(p -> band.intersects(p.x(), p.y(), CardGeometry.WIDTH, CardGeometry.HEIGHT))
                    .forEach(p -> chosen.add(p.nodeName()));
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
            origins.forEach((name, origin) -> {
                Point2D to = origin.add(delta);
                moving.put(name, to);
                NodeCard card = cards.get(name);
                if (card != null) {
                    card.relocate(to.getX(), to.getY());
                }
            });
            drawWires(moving);
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
            WireView.shape(line, outputPoint(topLeft(from, Map.of())), world);
            Optional<String> target = cardAt(world).filter(name -> !name.equals(from));
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

        void finish(Point2D world) {
            dragLayer.getChildren().clear();
            Optional<String> target = cardAt(world).filter(name -> !name.equals(from));
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
