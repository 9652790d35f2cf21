package io.neuralworkbench.engine.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.util.AtomicFiles;
import io.neuralworkbench.engine.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads and writes project files ({@code .nwproj}): JSON with a format version ({@link Project#FORMAT_VERSION}).
 * Unknown fields are ignored, so a project from a newer version with extra information still opens, and
 * preprocessing and training settings left out take their defaults; the network inside stays as strict as
 * {@link NetworkJson} makes it. Paths of files inside the project's folder
 * (or below it) are stored relative to it, so a project moved together with its data still finds it.
 */
public final class ProjectFiles {
    private static final ObjectMapper JSON = Json.mapper();
    /** The shared mapper turns a null or a fraction into a whole number silently; a project file must not. */
    private static final ObjectReader DOCUMENT_READER = JSON.readerFor(Document.class)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /**
     * The version of the {@code layout} part. Node positions only matter to the designer, so a newer layout is
     * left out on reading (the network is laid out afresh) rather than refusing the whole project.
     */
    public static final int LAYOUT_VERSION = 1;

    /** The file as a whole; the record's component order is the field order in the file. */
    private record Document(int formatVersion, String name, DataDocument data, JsonNode network,
                            TrainingConfig training, List<RunDocument> runs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) LayoutDocument layout) {
    }

    /**
     * Node positions by node name, and the designer's blocks (left out when there are none); written only when
     * the network was arranged, so older files read the same.
     */
    private record LayoutDocument(int version, Map<String, NodePosition> positions,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NodeBlock> blocks) {
    }

    /** Text and image settings are left out for tables, so table projects read and write as before. */
    private record DataDocument(String file, PreprocessingSpec spec,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String textColumn,
                                @JsonInclude(JsonInclude.Include.NON_NULL) TextOptions text,
                                @JsonInclude(JsonInclude.Include.NON_NULL) ImageOptions images) {
    }

    /** A run's settings are left out when it has none, so projects with older runs read and write as before. */
    private record RunDocument(String id, String startedAt, String state, List<EpochEvent> history,
                               EvaluationReport testMetrics, String bundle, String message,
                               @JsonInclude(JsonInclude.Include.NON_NULL) TrainingConfig config) {
    }

    private ProjectFiles() {
    }

    /** Writes atomically: a crash or error while writing leaves the previous file as it was. */
    public static void write(Project project, Path file) throws IOException {
        Document document = toDocument(project, folderOf(file));
        AtomicFiles.write(file, out -> {
            out.write(JSON.writeValueAsBytes(document));
            out.write('\n');
        });
    }

    /**
     * @throws UserInputException when the file is missing, unreadable, or not a project file this version can
     *                            read; the message names the file and the JSON path of the problem
     */
    public static Project read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("The project file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new UserInputException("Could not read the project file " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromDocument(parse(content), folderOf(file));
        } catch (UserInputException e) {
            throw new UserInputException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Document toDocument(Project project, Path folder) throws IOException {
        JsonNode network = project.network() == null ? null : JSON.readTree(NetworkJson.toJson(project.network()));
        List<RunDocument> runs = project.runs().stream()
                .map(run -> new RunDocument(run.id(), run.startedAt().toString(), run.state(), run.history(),
                        run.testMetrics(), run.bundle() == null ? null : storedPath(run.bundle(), folder),
                        run.message(), run.config()))
                .toList();
        return new Document(Project.FORMAT_VERSION, project.name(),
                new DataDocument(storedPath(project.dataFile(), folder), project.data().spec(),
                        project.data().textColumn(), project.data().textOptions(), project.data().imageOptions()),
                network,
                project.training(), runs,
                project.layout().isEmpty() && project.blocks().isEmpty() ? null
                        : new LayoutDocument(LAYOUT_VERSION, project.layout(), project.blocks()));
    }

    private static JsonNode parse(byte[] content) {
        JsonNode root;
        try {
            root = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UserInputException("not valid JSON: line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new IllegalStateException("Reading JSON from memory failed", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new UserInputException("the file is empty.");
        }
        if (!root.isObject()) {
            throw error("", "expected an object but found " + Json.describe(root));
        }
        checkFormatVersion(root);
        ObjectNode project = (ObjectNode) root;
        if (isNewerLayout(project.get("layout"))) {
            project.remove("layout");
        }
        checkRequiredFields(root);
        checkNoNullInLists(root, "");
        ObjectNode data = (ObjectNode) project.get("data");
        JsonNode spec = data.get("spec");
        data.set("spec", withDefaults(spec, PreprocessingSpec.forTarget(spec.get("targetColumn").asText())));
        project.set("training", withDefaults(project.get("training"), TrainingConfig.defaults()));
        return project;
    }

    /** The engine's lists never hold null (they are copied with List.copyOf), so say where one is. */
    private static void checkNoNullInLists(JsonNode value, String path) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                checkNoNullInLists(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                String elementPath = path + "[" + i + "]";
                if (value.get(i).isNull()) {
                    throw error(elementPath, "expected a value but found null");
                }
                checkNoNullInLists(value.get(i), elementPath);
            }
        }
    }

    /**
     * Settings left out take their defaults, so a file from before a setting existed still opens (and one edited
     * by hand may be brief), as fields left out of a network file do.
     */
    private static JsonNode withDefaults(JsonNode given, Object defaults) {
        if (!given.isObject()) {
            return given; // the conversion reports the wrong type
        }
        ObjectNode merged = JSON.valueToTree(defaults);
        mergeInto(merged, (ObjectNode) given);
        return merged;
    }

    /** A null counts as left out: no setting of the engine means anything by it but "the default". */
    private static void mergeInto(ObjectNode target, ObjectNode given) {
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            if (target.get(field.getKey()) instanceof ObjectNode defaults
                    && field.getValue() instanceof ObjectNode givenObject) {
                mergeInto(defaults, givenObject);
            } else if (!field.getValue().isNull()) {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static boolean isNewerLayout(JsonNode layout) {
        JsonNode version = layout == null ? null : layout.get("version");
        return version != null && version.isIntegralNumber() && version.canConvertToInt()
                && version.intValue() > LAYOUT_VERSION;
    }

    /** Before conversion, which would report a missing field as a null deep inside the engine's records. */
    private static void checkRequiredFields(JsonNode root) {
        requireField(root, "", "name");
        JsonNode data = requireField(root, "", "data");
        requireField(data, "data", "file");
        requireField(requireField(data, "data", "spec"), "data.spec", "targetColumn");
        requireField(root, "", "training");
        JsonNode runs = root.path("runs");
        if (runs.isArray()) {
            for (int i = 0; i < runs.size(); i++) {
                for (String field : List.of("id", "startedAt", "state")) {
                    requireField(runs.get(i), "runs[" + i + "]", field);
                }
            }
        }
        JsonNode layout = root.get("layout");
        if (layout != null && !layout.isNull()) {
            requireField(layout, "layout", "version");
            JsonNode positions = requireField(layout, "layout", "positions");
            if (positions.isObject()) {
                for (Map.Entry<String, JsonNode> position : positions.properties()) {
                    String path = "layout.positions." + position.getKey();
                    if (position.getValue().isNull()) {
                        throw error(path, "expected an object with x and y but found null");
                    }
                    requireField(position.getValue(), path, "x");
                    requireField(position.getValue(), path, "y");
                }
            }
        }
    }

    /** Checked before anything else: a newer file may well have fields this version does not know. */
    private static void checkFormatVersion(JsonNode root) {
        JsonNode version = root.get("formatVersion");
        if (version == null) {
            throw error("", "missing required field \"formatVersion\" (is this a Neural Workbench project file?)");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw error("formatVersion", "expected a whole number from 1 but found " + Json.describe(version));
        }
        if (version.intValue() > Project.FORMAT_VERSION) {
            throw new UserInputException("this project was written by a newer version of Neural Workbench (format "
                    + version.intValue() + "); this version reads format " + Project.FORMAT_VERSION
                    + ". Update Neural Workbench to open it.");
        }
    }

    /** A null counts as missing: every required field needs a value. */
    private static JsonNode requireField(JsonNode parent, String path, String field) {
        if (!parent.isObject()) {
            throw error(path, "expected an object but found " + Json.describe(parent));
        }
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw error(path, "missing required field \"" + field + "\"");
        }
        return value;
    }

    private static Project fromDocument(JsonNode root, Path folder) {
        Document document;
        try {
            document = DOCUMENT_READER.readValue(root);
        } catch (JsonMappingException e) {
            throw conversionError(e, root);
        } catch (IOException e) {
            throw new IllegalStateException("Reading JSON from memory failed", e);
        }
        List<Run> runs = new ArrayList<>();
        List<RunDocument> runDocuments = document.runs() == null ? List.of() : document.runs();
        for (int i = 0; i < runDocuments.size(); i++) {
            RunDocument run = runDocuments.get(i);
            runs.add(new Run(run.id(), instant(run.startedAt(), "runs[" + i + "].startedAt"), run.state(),
                    run.history() == null ? List.of() : run.history(), run.testMetrics(),
                    run.bundle() == null ? null : resolvedPath(run.bundle(), folder), run.message(), run.config()));
        }
        return new Project(document.name(),
                new ProjectData(resolvedPath(document.data().file(), folder), document.data().spec(),
                        document.data().textColumn(), document.data().text(), document.data().images()),
                network(document.network()), document.training(), runs,
                document.layout() == null ? Map.of() : document.layout().positions(),
                document.layout() == null || document.layout().blocks() == null ? List.of()
                        : document.layout().blocks());
    }

    private static NetworkDescription network(JsonNode network) {
        if (network == null || network.isNull()) {
            return null;
        }
        try {
            return NetworkJson.fromJson(network.toString());
        } catch (UserInputException e) {
            throw new UserInputException(underNetwork(e.getMessage()), e);
        }
    }

    /**
     * NetworkJson's messages start with the JSON path inside the network ("nodes[2].layer: ..."), with "top
     * level" for the network itself, or are a sentence; each gets the network's place in the project.
     */
    private static String underNetwork(String message) {
        int colon = message.indexOf(": ");
        if (message.startsWith("top level: ")) {
            return "network: " + message.substring("top level: ".length());
        }
        if (colon > 0 && message.substring(0, colon).matches("[\\w.\\[\\]]+")) {
            return "network." + message;
        }
        return "network: " + message;
    }

    private static Instant instant(String text, String path) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error(path, "expected an ISO-8601 time such as \"2026-01-31T09:30:00Z\" but found \"" + text + "\"");
        }
    }

    /** Jackson names Java types; the user needs the JSON path, the kind of value expected and the value found. */
    private static UserInputException conversionError(JsonMappingException e, JsonNode root) {
        List<JsonMappingException.Reference> references = e.getPath();
        String path = jsonPath(references);
        if (e instanceof MismatchedInputException mismatch) {
            JsonNode found = valueAt(root, references);
            if (found == null && !references.isEmpty()) {
                return missingField(references.subList(0, references.size() - 1),
                        references.get(references.size() - 1).getFieldName());
            }
            return error(path, "expected " + expected(mismatch.getTargetType()) + " but found "
                    + (found == null ? "nothing" : Json.describe(found)));
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // The engine's records reject a missing value with Objects.requireNonNull(value, "fieldName").
        if (cause instanceof NullPointerException && cause.getMessage() != null
                && cause.getMessage().matches("\\w+")) {
            return missingField(references, cause.getMessage());
        }
        String reason = cause instanceof JsonMappingException mapping ? mapping.getOriginalMessage()
                : cause.getMessage();
        return error(path, reason == null ? "invalid value" : firstLine(reason));
    }

    private static UserInputException missingField(List<JsonMappingException.Reference> parent, String field) {
        return error(jsonPath(parent), "missing required field \"" + field + "\"");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return Collection.class.isAssignableFrom(type) ? "a list" : "an object";
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The value at a Jackson path, or null when the path leads nowhere (the error was about a missing value). */
    private static JsonNode valueAt(JsonNode root, List<JsonMappingException.Reference> references) {
        JsonNode value = root;
        for (JsonMappingException.Reference reference : references) {
            value = reference.getFieldName() != null ? value.get(reference.getFieldName())
                    : value.get(reference.getIndex());
            if (value == null) {
                return null;
            }
        }
        return value;
    }

    private static UserInputException error(String path, String problem) {
        return new UserInputException((path.isEmpty() ? "top level" : path) + ": " + problem);
    }

    private static String firstLine(String message) {
        int source = message.indexOf(" at [Source");
        String reason = source < 0 ? message : message.substring(0, source);
        return reason.lines().findFirst().orElse("");
    }

    private static Path folderOf(Path projectFile) {
        return projectFile.toAbsolutePath().normalize().getParent();
    }

    /** Relative with "/" when inside the project's folder, so the file reads the same on every platform. */
    private static String storedPath(Path file, Path folder) {
        if (!file.startsWith(folder)) {
            return file.toString();
        }
        return StreamSupport.stream(folder.relativize(file).spliterator(), false)
                .map(Path::toString)
                .collect(Collectors.joining("/"));
    }

    private static Path resolvedPath(String stored, Path folder) {
        return folder.resolve(stored).normalize();
    }
}
