package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.LayeredLayout;
import io.neuralworkbench.designer.model.NetworkClipboard;
import io.neuralworkbench.designer.model.NodeGroup;
import io.neuralworkbench.designer.model.NodeNames;
import io.neuralworkbench.designer.model.SavedBlock;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds a whole sub-network (a template, the clipboard, a duplicate) beside the existing nodes. Names already in
 * use are renumbered (conv1 → conv3) and the block's own wires follow; the block is selected afterwards.
 */
public final class InsertBlock implements DesignerCommand {
    private final NetworkDescription block;
    private final Map<String, NodeLayout> blockPositions;
    private final double left;
    private final double top;
    private final String what;
    /** Folds the inserted nodes into a block of this name (numbered if taken); null inserts them unfolded. */
    private final String groupName;
    /** Blocks among the block's nodes (by their names in {@code block}), folded again once inserted. */
    private final List<NodeGroup> blockGroups;
    private final Set<String> inserted = new LinkedHashSet<>();
    /** The block's node names → the names they got on the canvas, from the last {@link #applyTo}. */
    private final Map<String, String> newNames = new LinkedHashMap<>();

    /**
     * @param blockPositions where the block's nodes sit relative to each other, or null to lay the block out
     * @param left           where the block's top-left corner goes
     * @param what           what is inserted, for the Edit menu, e.g. "paste" or "insert LeNet"
     */
    public InsertBlock(NetworkDescription block, Map<String, NodeLayout> blockPositions, double left, double top,
                       String what) {
        this(block, blockPositions, List.of(), left, top, what, null);
    }

    /** @param blockGroups blocks among the block's nodes, folded again on the canvas (renamed if taken) */
    public InsertBlock(NetworkDescription block, Map<String, NodeLayout> blockPositions, List<NodeGroup> blockGroups,
                       double left, double top, String what) {
        this(block, blockPositions, blockGroups, left, top, what, null);
    }

    private InsertBlock(NetworkDescription block, Map<String, NodeLayout> blockPositions, List<NodeGroup> blockGroups,
                        double left, double top, String what, String groupName) {
        this.groupName = groupName;
        this.blockGroups = List.copyOf(blockGroups);
        this.block = block;
        this.blockPositions = blockPositions == null ? null : Map.copyOf(blockPositions);
        this.left = left;
        this.top = top;
        this.what = what;
    }

    /** A template or other network as a block, laid out top to bottom at the point. */
    public static InsertBlock laidOut(NetworkDescription block, double left, double top, String what) {
        return new InsertBlock(block, null, left, top, what);
    }

    /** Copied nodes with the blocks among them, laid out top to bottom at the point. */
    public static InsertBlock laidOut(NetworkClipboard.Copied copied, double left, double top, String what) {
        return new InsertBlock(copied.network(), null, copied.blocks(), left, top, what);
    }

    /** A block from "My blocks", folded into its block card again (blocks inside it too), at the point. */
    public static InsertBlock saved(SavedBlock saved, double left, double top) {
        return new InsertBlock(saved.network(), saved.positions(), saved.inner(), left, top,
                "insert block " + saved.name(), saved.name());
    }

    @Override
    public DesignState applyTo(DesignState state) {
        if (block.nodes().isEmpty()) {
            throw new CommandRefusedException("There is nothing to insert.");
        }
        inserted.clear();
        newNames.clear();
        Set<String> taken = new HashSet<>(state.nodeNames());
        for (Node node : block.nodes()) {
            String name = NodeNames.unique(node.name(), taken);
            taken.add(name);
            newNames.put(node.name(), name);
        }
        Map<String, NodeLayout> layout = blockPositions != null ? blockPositions : LayeredLayout.layout(block, 0, 0);
        double minX = block.nodes().stream().mapToDouble(n -> positionIn(layout, n.name()).x()).min().orElse(0);
        double minY = block.nodes().stream().mapToDouble(n -> positionIn(layout, n.name()).y()).min().orElse(0);
        List<Node> nodes = new ArrayList<>(state.network().nodes());
        List<NodeLayout> positions = new ArrayList<>();
        for (Node node : block.nodes()) {
            String name = newNames.get(node.name());
            nodes.add(new Node(name, node.layer()));
            NodeLayout relative = positionIn(layout, node.name());
            positions.add(new NodeLayout(name, left + relative.x() - minX, top + relative.y() - minY)
                    .snapToGrid(CardGeometry.GRID));
            inserted.add(name);
        }
        List<Edge> edges = new ArrayList<>(state.network().edges());
        block.edges().stream()
                .filter(edge -> newNames.containsKey(edge.from()) && newNames.containsKey(edge.to()))
                .forEach(edge -> edges.add(new Edge(newNames.get(edge.from()), newNames.get(edge.to()))));
        NetworkDescription network = new NetworkDescription(state.network().name(), nodes, edges);
        DesignState result = state.withNetwork(network).withPositions(positions);
        List<NodeGroup> folded = blockGroups.stream()
                .filter(group -> newNames.keySet().containsAll(group.members()))
                .map(group -> group.withMembersRenamed(newNames::get)).toList();
        if (groupName != null && inserted.size() > 1) {
            folded = List.of(new NodeGroup(groupName, List.copyOf(inserted), folded));
        }
        if (folded.isEmpty()) {
            return result;
        }
        List<String> blockNames = new ArrayList<>(result.allGroupNames());
        List<NodeGroup> groups = new ArrayList<>(result.groups());
        folded.forEach(group -> groups.add(group.withUniqueNames(blockNames)));
        return result.withGroups(groups);
    }

    private static NodeLayout positionIn(Map<String, NodeLayout> layout, String name) {
        NodeLayout position = layout.get(name);
        return position != null ? position : new NodeLayout(name, 0, 0);
    }

    @Override
    public String description() {
        return what + (inserted.isEmpty() ? "" : " (" + inserted.size() + (inserted.size() == 1 ? " node)" : " nodes)"));
    }

    /** The name a node of the block got on the canvas (renumbered when taken). */
    public String insertedName(String blockNodeName) {
        return newNames.get(blockNodeName);
    }

    @Override
    public Set<String> nodesToSelect() {
        return Set.copyOf(inserted);
    }
}
