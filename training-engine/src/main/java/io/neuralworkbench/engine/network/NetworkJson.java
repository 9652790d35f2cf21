package io.neuralworkbench.engine.network;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.util.AtomicFiles;
import io.neuralworkbench.engine.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes network files. The format is versioned ({@link NetworkDescription#FORMAT_VERSION}) and
 * meant to be edited by hand too: fields left out of a layer take the defaults of its factory, and every
 * problem is reported as a {@link UserInputException} naming the JSON path.
 */
public final class NetworkJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS) // flatten, add and concatenate have no fields
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // hand edits: a repeated key must not win silently
            .build();

    /** Two-space indents, "\n" on every platform and {@code "key": value}, so files diff well. */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** The file as a whole; the record's component order is the field order in the file. */
    record Document(int formatVersion, String name, List<Node> nodes, List<Edge> edges) {
    }

    private NetworkJson() {
    }

    public static String toJson(NetworkDescription network) {
        Document document = new Document(NetworkDescription.FORMAT_VERSION, network.name(), network.nodes(),
                network.edges());
        try {
            return WRITER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A network description could not be written as JSON", e);
        }
    }

    /** @throws UserInputException when the text is not a network file this version can read */
    public static NetworkDescription fromJson(String json) {
        JsonNode root = parse(json);
        checkFormatVersion(root);
        JsonNode checked = CheckedTree.check(root, Document.class, "");
        try {
            Document document = MAPPER.treeToValue(checked, Document.class);
            return new NetworkDescription(document.name(), document.nodes(), document.edges());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A checked network tree did not convert", e);
        }
    }

    /**
     * @throws IOException         when the file cannot be read
     * @throws UserInputException when its content is not a network file; the message starts with the file name
     */
    public static NetworkDescription fromFile(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return fromJson(json);
        } catch (UserInputException e) {
            throw new UserInputException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes atomically: a crash never leaves half a file. */
    public static void toFile(NetworkDescription network, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(network));
    }

    private static JsonNode parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UserInputException("The network file is not valid JSON: line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": " + withoutSourceDetails(e.getOriginalMessage()), e);
        }
        if (root.isMissingNode()) {
            throw new UserInputException("The network file is empty.");
        }
        if (!root.isObject()) {
            throw CheckedTree.error("", "expected an object but found " + Json.describe(root));
        }
        return root;
    }

    /** Checked before anything else: a newer file may well have fields this version does not know. */
    private static void checkFormatVersion(JsonNode root) {
        JsonNode version = root.get("formatVersion");
        if (version == null) {
            throw CheckedTree.error("", "missing required field \"formatVersion\" (is this a Neural Workbench "
                    + "network file?)");
        }
        if (!version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
            throw CheckedTree.error("formatVersion", "expected a whole number from 1 but found "
                    + Json.describe(version));
        }
        if (version.intValue() > NetworkDescription.FORMAT_VERSION) {
            throw new UserInputException("This network was written by a newer version of Neural Workbench (format "
                    + version.intValue() + "); this version reads format " + NetworkDescription.FORMAT_VERSION
                    + ". Update Neural Workbench to open it.");
        }
    }

    /** Jackson adds "(... at [Source: ...])" details, which mean nothing to a user. */
    private static String withoutSourceDetails(String message) {
        int source = message.indexOf("[Source");
        String reason = source < 0 ? message : message.substring(0, Math.max(0, message.lastIndexOf(" (", source)));
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline);
    }
}
