package io.neuralworkbench.designer.commands;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.CommandRefusedException;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.NodeGroup;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gives a node a new name; its wires, position and block membership follow. */
public final class RenameNode implements DesignerCommand {
    private final String oldName;
    private final String newName;

    public RenameNode(String oldName, String newName) {
        this.oldName = oldName;
        this.newName = newName == null ? "" : newName.strip();
    }

    @Override
    public DesignState applyTo(DesignState state) {
        state.node(oldName);
        if (newName.isEmpty()) {
            throw new CommandRefusedException("A node needs a name.");
        }
        if (!newName.equals(oldName) && state.hasNode(newName)) {
            throw new CommandRefusedException("There is already a node named " + newName + ".");
        }
        NetworkDescription network = state.network();
        List<Node> nodes = network.nodes().stream()
                .map(node -> node.name().equals(oldName) ? new Node(newName, node.layer()) : node).toList();
        List<Edge> edges = network.edges().stream()
                .map(edge -> new Edge(renamed(edge.from()), renamed(edge.to()))).toList();
        Map<String, NodeLayout> positions = new LinkedHashMap<>();
        state.positions().forEach((name, p) -> positions.put(renamed(name), new NodeLayout(renamed(name), p.x(), p.y())));
        List<NodeGroup> groups = state.groups().stream().map(group -> group.withMembersRenamed(this::renamed)).toList();
        return new DesignState(new NetworkDescription(network.name(), nodes, edges), positions, groups);
    }

    private String renamed(String name) {
        return name.equals(oldName) ? newName : name;
    }

    @Override
    public String description() {
        return "rename " + oldName + " to " + newName;
    }

    @Override
    public Set<String> nodesToSelect() {
        return Set.of(newName);
    }
}
