package io.neuralworkbench.designer.model;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where everything the canvas draws goes, in world coordinates: a card per node outside a block, one card per
 * block, and the wires between different cards (wires inside a block are folded away with it). The canvas and
 * the SVG export both draw from this, so the exported picture is the one on screen.
 */
public final class CanvasPicture {

    public record Point(double x, double y) {
        public Point plus(double dx, double dy) {
            return new Point(x + dx, y + dy);
        }
    }

    /**
     * One card.
     *
     * @param inputNode  the node a wire dropped on the card goes into; null when the card takes no input
     * @param outputNode the node a wire dragged from the card's output port comes from; null without that port
     */
    public record Card(String name, boolean block, double x, double y, String inputNode, String outputNode) {
        /** Unique among cards: a block may have the name of a node. */
        public String key() {
            return (block ? "block:" : "node:") + name;
        }

        public boolean hasInputPort() {
            return inputNode != null;
        }

        public boolean hasOutputPort() {
            return outputNode != null;
        }

        public Point outputPoint() {
            return new Point(x + CardGeometry.WIDTH / 2, y + CardGeometry.HEIGHT);
        }

        public boolean contains(Point world, double portRadius) {
            return world.x() >= x && world.x() <= x + CardGeometry.WIDTH
                    && world.y() >= y - portRadius && world.y() <= y + CardGeometry.HEIGHT;
        }
    }

    /** A wire's curve: leaves the output port downwards and enters the input port from above. */
    public record Curve(Point start, Point control1, Point control2, Point end) {
        public static Curve between(Point start, Point end) {
            double bend = Math.max(40, Math.abs(end.y() - start.y()) / 2);
            return new Curve(start, start.plus(0, bend), end.plus(0, -bend), end);
        }

        /** Where the shape label goes: beside the middle of the wire. */
        public Point labelPoint() {
            return new Point((start.x() + end.x()) / 2 + 12, (start.y() + end.y()) / 2 - 8);
        }
    }

    public record Wire(Edge edge, String fromCard, String toCard, Curve curve) {
    }

    private final Map<String, Card> cards;
    private final Map<String, String> cardOfNode;
    private final List<Wire> wires;

    private CanvasPicture(Map<String, Card> cards, Map<String, String> cardOfNode, List<Wire> wires) {
        this.cards = cards;
        this.cardOfNode = cardOfNode;
        this.wires = wires;
    }

    public static CanvasPicture of(DesignState state) {
        return of(state, Map.of());
    }

    /** @param moved top-left corners of nodes drawn elsewhere than the state says (while they are dragged) */
    public static CanvasPicture of(DesignState state, Map<String, Point> moved) {
        NetworkDescription network = state.network();
        Map<String, Card> cards = new LinkedHashMap<>();
        Map<String, String> cardOfNode = new HashMap<>();
        for (Node node : network.nodes()) {
            if (state.groupOf(node.name()).isPresent()) {
                continue;
            }
            Point at = topLeft(state, node.name(), moved);
            Card card = new Card(node.name(), false, at.x(), at.y(),
                    node.layer().maxInputs() > 0 ? node.name() : null,
                    node.layer() instanceof Layer.Output ? null : node.name());
            cards.put(card.key(), card);
            cardOfNode.put(node.name(), card.key());
        }
        for (NodeGroup group : state.groups()) {
            double x = group.members().stream().mapToDouble(m -> topLeft(state, m, moved).x()).min().orElse(0);
            double y = group.members().stream().mapToDouble(m -> topLeft(state, m, moved).y()).min().orElse(0);
            Card card = new Card(group.name(), true, x, y, group.entry(network).orElse(null),
                    group.hasOutput(network) ? group.exit(network).orElse(null) : null);
            cards.put(card.key(), card);
            group.members().forEach(member -> cardOfNode.put(member, card.key()));
        }

        List<Edge> shown = network.edges().stream()
                .filter(e -> cardOfNode.containsKey(e.from()) && cardOfNode.containsKey(e.to()))
                .filter(e -> !cardOfNode.get(e.from()).equals(cardOfNode.get(e.to())))
                .toList();
        Map<String, List<Edge>> arriving = new HashMap<>(); // once, not a scan of all edges per wire
        shown.forEach(e -> arriving.computeIfAbsent(cardOfNode.get(e.to()), k -> new ArrayList<>()).add(e));
        List<Wire> wires = new ArrayList<>();
        for (Edge edge : shown) {
            Card from = cards.get(cardOfNode.get(edge.from()));
            Card to = cards.get(cardOfNode.get(edge.to()));
            wires.add(new Wire(edge, from.key(), to.key(),
                    Curve.between(from.outputPoint(), inputPoint(to, edge, arriving.get(to.key())))));
        }
        return new CanvasPicture(cards, cardOfNode, wires);
    }

    /** Several inputs (add, concatenate, a block) arrive side by side in their order, so each can be told apart. */
    private static Point inputPoint(Card card, Edge edge, List<Edge> arriving) {
        int index = Math.max(0, arriving.indexOf(edge));
        return new Point(card.x() + CardGeometry.WIDTH * (index + 1) / (arriving.size() + 1), card.y());
    }

    private static Point topLeft(DesignState state, String nodeName, Map<String, Point> moved) {
        Point point = moved.get(nodeName);
        if (point != null) {
            return point;
        }
        NodeLayout position = state.positionOf(nodeName);
        return new Point(position.x(), position.y());
    }

    /** Cards in drawing order: nodes, then blocks on top. */
    public List<Card> cards() {
        return List.copyOf(cards.values());
    }

    public List<Wire> wires() {
        return wires;
    }

    /** The card showing the node: its own, or its block's. */
    public Optional<Card> cardOfNode(String nodeName) {
        return Optional.ofNullable(cardOfNode.get(nodeName)).map(cards::get);
    }

    /** The topmost card under a world point. */
    public Optional<Card> cardAt(Point world, double portRadius) {
        List<Card> ordered = cards();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (ordered.get(i).contains(world, portRadius)) {
                return Optional.of(ordered.get(i));
            }
        }
        return Optional.empty();
    }

    /** The smallest rectangle holding every card, as {minX, minY, maxX, maxY}; empty without cards. */
    public Optional<double[]> bounds() {
        if (cards.isEmpty()) {
            return Optional.empty();
        }
        double minX = cards.values().stream().mapToDouble(Card::x).min().orElseThrow();
        double minY = cards.values().stream().mapToDouble(Card::y).min().orElseThrow();
        double maxX = cards.values().stream().mapToDouble(Card::x).max().orElseThrow() + CardGeometry.WIDTH;
        double maxY = cards.values().stream().mapToDouble(Card::y).max().orElseThrow() + CardGeometry.HEIGHT;
        return Optional.of(new double[] {minX, minY, maxX, maxY});
    }

    /** The node names a card stands for: the node itself, or the block's members. */
    public static List<String> nodesOf(Card card, DesignState state) {
        return card.block() ? state.group(card.name()).map(NodeGroup::members).orElse(List.of()) : List.of(card.name());
    }
}
