package io.neuralworkbench.designer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Copied nodes travel as the engine's network JSON (text on the system clipboard), so they can be pasted into
 * another project or another running copy of the workbench, and even edited by hand in between. When whole
 * blocks are copied, the network JSON goes inside a small wrapper that also names the blocks
 * ({@code {"kind": "neural-workbench-nodes", "network": {…}, "blocks": [...]}}), so they paste as blocks.
 */
public final class NetworkClipboard {
    static final String KIND = "neural-workbench-nodes";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NetworkClipboard() {
    }

    /** What a paste inserts: nodes with their wires, and the blocks among them (by those nodes' names). */
    public record Copied(NetworkDescription network, List<NodeGroup> blocks) {
        public Copied {
            blocks = List.copyOf(blocks);
        }
    }

    /** The named nodes and the wires between them (wires to other nodes are left behind). */
    public static NetworkDescription subNetwork(NetworkDescription network, Collection<String> names) {
        Set<String> kept = Set.copyOf(names);
        return new NetworkDescription(network.name(),
                network.nodes().stream().filter(node -> kept.contains(node.name())).toList(),
                network.edges().stream().filter(e -> kept.contains(e.from()) && kept.contains(e.to())).toList());
    }

    public static String copy(NetworkDescription network, Collection<String> names) {
        return NetworkJson.toJson(subNetwork(network, names));
    }

    /** The named nodes as text; blocks all of whose nodes are named go along as blocks. */
    public static String copy(DesignState state, Collection<String> names) {
        List<NodeGroup> blocks = NodeGroup.whollyWithin(state.groups(), names);
        String network = copy(state.network(), names);
        if (blocks.isEmpty()) {
            return network;
        }
        try {
            ObjectNode wrapper = MAPPER.createObjectNode();
            wrapper.put("kind", KIND);
            wrapper.set("network", MAPPER.readTree(network));
            wrapper.set("blocks", MAPPER.valueToTree(blocks.stream().map(BlockJson::of).toList()));
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(wrapper);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("network JSON we wrote did not read back", e);
        }
    }

    /** @throws CommandRefusedException when the text is not network JSON, with the reason */
    public static NetworkDescription parse(String text) {
        return parseCopied(text).network();
    }

    /** Network JSON, or the wrapper with blocks. @throws CommandRefusedException with the reason when neither */
    public static Copied parseCopied(String text) {
        if (text == null || text.isBlank()) {
            throw new CommandRefusedException("The clipboard is empty.");
        }
        try {
            JsonNode tree = wrapperOrNull(text);
            if (tree == null) {
                return new Copied(NetworkJson.fromJson(text), List.of());
            }
            NetworkDescription network = NetworkJson.fromJson(MAPPER.writeValueAsString(tree.path("network")));
            List<NodeGroup> blocks = List.of(MAPPER.treeToValue(tree.path("blocks"), BlockJson[].class)).stream()
                    .map(BlockJson::toGroup).toList();
            Set<String> names = Set.copyOf(network.nodes().stream().map(node -> node.name()).toList());
            blocks.stream().filter(block -> !names.containsAll(block.members())).findFirst().ifPresent(block -> {
                throw new CommandRefusedException("The clipboard's block " + block.name()
                        + " names nodes the copied network does not have.");
            });
            return new Copied(network, blocks);
        } catch (UserInputException | JsonProcessingException | IllegalArgumentException e) {
            throw new CommandRefusedException("The clipboard does not hold network nodes: " + e.getMessage());
        }
    }

    /** The wrapper's tree, or null when the text is something else (plain network JSON, or not JSON at all). */
    private static JsonNode wrapperOrNull(String text) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            return tree != null && KIND.equals(tree.path("kind").asText(null)) ? tree : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A block as JSON: name, every member, the blocks inside. Shared with the "My blocks" file. */
    record BlockJson(String name, List<String> members, List<BlockJson> inner) {
        static BlockJson of(NodeGroup group) {
            return new BlockJson(group.name(), group.members(), group.inner().stream().map(BlockJson::of).toList());
        }

        NodeGroup toGroup() {
            if (name == null || members == null) {
                throw new IllegalArgumentException("a block needs a name and members");
            }
            return new NodeGroup(name, members, inner == null ? List.of()
                    : inner.stream().map(BlockJson::toGroup).toList());
        }
    }
}
