package io.neuralworkbench.designer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;
import io.neuralworkbench.engine.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "My blocks" in a JSON file, so the user's blocks outlive the window:
 * {@code {"formatVersion": 1, "blocks": [{"name", "network": {network JSON}, "positions": {node: {x, y}},
 * "inner": [{"name", "members", "inner"}]}]}}. Written atomically. Blocking file I/O: call it off the FX thread.
 */
public final class BlockLibraryFile {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BlockLibraryFile() {
    }

    /**
     * The blocks kept in {@code file}; none when it does not exist yet.
     *
     * @throws UserInputException when the file cannot be read or is not a library of blocks, saying which
     */
    public static List<SavedBlock> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UserInputException("Could not read My blocks from " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            int version = root.path("formatVersion").asInt(-1);
            if (version < 1 || version > FORMAT_VERSION) {
                throw new UserInputException(file + " is not a My blocks file of this version (formatVersion "
                        + root.path("formatVersion") + ") — it was written by another version of the workbench");
            }
            List<SavedBlock> blocks = new ArrayList<>();
            for (JsonNode block : root.path("blocks")) {
                blocks.add(block(block));
            }
            return blocks;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw damaged(file, e.getMessage(), e);
        } catch (UserInputException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    private static UserInputException damaged(Path file, String reason, Exception cause) {
        return new UserInputException("My blocks in " + file + " could not be read (" + reason + ") — fix or delete"
                + " the file; until then My blocks starts empty and is not saved over it", cause);
    }

    private static SavedBlock block(JsonNode block) throws JsonProcessingException {
        String name = block.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a block without a name");
        }
        NetworkDescription network = NetworkJson.fromJson(MAPPER.writeValueAsString(block.path("network")));
        Map<String, NodeLayout> positions = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = block.path("positions").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> position = fields.next();
            positions.put(position.getKey(), new NodeLayout(position.getKey(), position.getValue().path("x").asDouble(),
                    position.getValue().path("y").asDouble()));
        }
        List<NodeGroup> inner = new ArrayList<>();
        for (JsonNode group : block.path("inner")) {
            inner.add(MAPPER.treeToValue(group, NetworkClipboard.BlockJson.class).toGroup());
        }
        return new SavedBlock(name, network, positions, inner);
    }

    /** Writes the blocks, replacing the file all at once (a crash leaves the old file or the new one). */
    public static void write(Path file, List<SavedBlock> blocks) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode array = root.putArray("blocks");
        for (SavedBlock block : blocks) {
            ObjectNode json = array.addObject();
            json.put("name", block.name());
            json.set("network", MAPPER.readTree(NetworkJson.toJson(block.network())));
            ObjectNode positions = json.putObject("positions");
            block.positions().values().stream().sorted(java.util.Comparator.comparing(NodeLayout::nodeName))
                    .forEach(p -> positions.putObject(p.nodeName()).put("x", p.x()).put("y", p.y()));
            json.set("inner", MAPPER.valueToTree(block.inner().stream().map(NetworkClipboard.BlockJson::of).toList()));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
