package io.neuralworkbench.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.Scaling;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.util.Json;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectFilesTest {
    @TempDir
    Path folder;

    @Test
    void projectWithNetworkRunHistoryAndMetricsReadsBackEqual() throws IOException {
        Project project = GoldenProjectFiles.iris(folder);
        Path file = folder.resolve("iris.nwproj");

        ProjectFiles.write(project, file);

        assertThat(project.network()).isNotNull();
        assertThat(project.runs().get(0).history()).isNotEmpty();
        assertThat(project.runs().get(0).testMetrics()).isNotNull();
        assertThat(ProjectFiles.read(file)).isEqualTo(project);
    }

    @Test
    void theDesignersBlocksReadBackAndProjectsWithoutBlocksWriteNoField() throws IOException {
        Project arranged = GoldenProjectFiles.irisWithLayout(folder);
        List<String> nodes = arranged.network().nodes().stream().map(node -> node.name()).toList();
        NodeBlock inner = new NodeBlock("first two", nodes.subList(0, 2), List.of());
        Project blocked = arranged.withBlocks(List.of(new NodeBlock("stem", nodes.subList(0, 3), List.of(inner))));
        Path withBlocks = folder.resolve("blocks.nwproj");
        Path without = folder.resolve("plain.nwproj");

        ProjectFiles.write(blocked, withBlocks);
        ProjectFiles.write(arranged, without);

        assertThat(ProjectFiles.read(withBlocks)).isEqualTo(blocked);
        assertThat(ProjectFiles.read(withBlocks).blocks().get(0).inner()).containsExactly(inner);
        assertThat(Files.readString(without)).doesNotContain("blocks");
        assertThat(ProjectFiles.read(without).blocks()).isEmpty();
    }

    @Test
    void aRunsTrainingSettingsReadBackAndRunsWithoutThemWriteNoField() throws IOException {
        Project golden = GoldenProjectFiles.iris(folder);
        Run old = golden.runs().get(0);
        TrainingConfig settings = TrainingConfig.defaults().withLearningRate(0.02).withEpochs(7);
        Run withSettings = new Run("run-2", old.startedAt(), "STOPPED", old.history(), null, null, "Stopped",
                settings);
        Project project = golden.withRun(withSettings);
        Path file = folder.resolve("iris.nwproj");

        ProjectFiles.write(project, file);

        Project read = ProjectFiles.read(file);
        assertThat(read).isEqualTo(project);
        assertThat(read.runs().get(1).config()).isEqualTo(settings);
        assertThat(read.runs().get(0).config()).isNull();
        JsonNode runs = Json.mapper().readTree(file.toFile()).get("runs");
        assertThat(runs.get(0).has("config")).isFalse();
        assertThat(runs.get(1).get("config").get("learningRate").asDouble()).isEqualTo(0.02);
    }

    @Test
    void newProjectWithoutNetworkOrRunsReadsBackEqual() throws IOException {
        Project project = Project.newFor(folder.resolve("iris.csv"), "species");
        Path file = folder.resolve("iris.nwproj");

        ProjectFiles.write(project, file);

        assertThat(ProjectFiles.read(file)).isEqualTo(project);
    }

    @Test
    void filesBesideAndBelowTheProjectAreStoredRelativeWithSlashes() throws IOException {
        Path file = folder.resolve("iris.nwproj");

        ProjectFiles.write(GoldenProjectFiles.iris(folder), file);

        JsonNode stored = Json.mapper().readTree(file.toFile());
        assertThat(stored.at("/data/file").asText()).isEqualTo("iris.csv");
        assertThat(stored.at("/runs/0/bundle").asText()).isEqualTo("models/iris-run-1.zip");
    }

    @Test
    void filesOutsideTheProjectFolderAreStoredAbsolute() throws IOException {
        Path data = folder.resolve("datasets/iris.csv");
        Path file = folder.resolve("projects/iris.nwproj");

        ProjectFiles.write(Project.newFor(data, "species"), file);

        assertThat(Json.mapper().readTree(file.toFile()).at("/data/file").asText()).isEqualTo(data.toString());
    }

    @Test
    void projectMovedTogetherWithItsDataStillFindsIt() throws IOException {
        Path before = folder.resolve("before");
        ProjectFiles.write(GoldenProjectFiles.iris(before.resolve("data")), before.resolve("iris.nwproj"));
        Path after = Files.move(before, folder.resolve("after"));

        Project moved = ProjectFiles.read(after.resolve("iris.nwproj"));

        assertThat(moved.dataFile()).isEqualTo(after.resolve("data/iris.csv"));
        assertThat(moved.runs().get(0).bundle()).isEqualTo(after.resolve("data/models/iris-run-1.zip"));
    }

    @Test
    void projectMovedAwayFromDataElsewhereStillFindsIt() throws IOException {
        Path data = folder.resolve("datasets/iris.csv");
        Path before = folder.resolve("before/iris.nwproj");
        ProjectFiles.write(Project.newFor(data, "species"), before);
        Path after = Files.move(before.getParent(), folder.resolve("after")).resolve("iris.nwproj");

        assertThat(ProjectFiles.read(after).dataFile()).isEqualTo(data);
    }

    /** Forward compatibility: a newer version may add fields anywhere outside the network. */
    @Test
    void unknownFieldsOutsideTheNetworkAreIgnored() throws IOException {
        Path file = goldenProjectEditedAs(root -> {
            root.put("colourTheme", "dark");
            object(root, "/data").put("encoding", "UTF-8");
            object(root, "/training").put("gradientClipping", 1.0);
            object(root, "/runs/0").put("durationSeconds", 12.5);
        });

        assertThat(ProjectFiles.read(file)).isEqualTo(GoldenProjectFiles.iris(folder));
    }

    @Test
    void nodePositionsReadBackInTheirOrder() throws IOException {
        Project project = GoldenProjectFiles.irisWithLayout(folder)
                .withLayout(new java.util.LinkedHashMap<>(java.util.Map.of("output", new NodePosition(-20, 0.25))));
        Path file = folder.resolve("iris.nwproj");

        ProjectFiles.write(project, file);

        assertThat(ProjectFiles.read(file)).isEqualTo(project);
        assertThat(ProjectFiles.read(file).layout()).containsExactly(java.util.Map.entry("output",
                new NodePosition(-20, 0.25)));
    }

    /** Positions only matter to the designer: a layout from a newer version is left out, the project opens. */
    @Test
    void aNewerLayoutVersionIsLeftOut() throws IOException {
        Path file = goldenProjectEditedAs(root -> layout(root, ProjectFiles.LAYOUT_VERSION + 1)
                .putObject("input").put("corner", "north-west"));

        assertThat(ProjectFiles.read(file)).isEqualTo(GoldenProjectFiles.iris(folder));
    }

    /** A file from before a setting existed (or brief by hand) opens with the setting's default. */
    @Test
    void settingsLeftOutTakeTheirDefaults() throws IOException {
        Path file = goldenProjectEditedAs(root -> {
            object(root, "/training").remove(List.of("epochs", "schedule"));
            object(root, "/training/optimizer").remove("beta2");
            object(root, "/training").putNull("earlyStopping");
            object(root, "/data/spec").remove(List.of("scaling", "seed"));
        });
        Project golden = GoldenProjectFiles.iris(folder);
        TrainingConfig defaults = TrainingConfig.defaults();

        Project project = ProjectFiles.read(file);

        assertThat(project.training()).isEqualTo(golden.training().withEpochs(defaults.epochs())
                .withSchedule(defaults.schedule()).withEarlyStopping(defaults.earlyStopping()));
        assertThat(project.data().spec()).isEqualTo(golden.data().spec().withScaling(Scaling.STANDARDIZE)
                .withSplit(golden.data().spec().split(), PreprocessingSpec.DEFAULT_SEED));
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        Path file = folder.resolve("nowhere.nwproj");

        assertThatReadFails(file).hasMessage("The project file " + file + " does not exist.");
    }

    @Test
    void textThatIsNotJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = Files.writeString(folder.resolve("broken.nwproj"), "{\n  \"formatVersion\": 1,\n  \"name\": \n}");

        assertThatReadFails(file).hasMessageStartingWith("broken.nwproj: not valid JSON: line 4, column 1: ");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path file = Files.writeString(folder.resolve("empty.nwproj"), "");

        assertThatReadFails(file).hasMessage("empty.nwproj: the file is empty.");
    }

    @Test
    void otherJsonIsNotTakenForAProject() throws IOException {
        Path file = Files.writeString(folder.resolve("other.nwproj"), "{\"name\": \"iris\"}");

        assertThatReadFails(file).hasMessage("other.nwproj: top level: missing required field \"formatVersion\""
                + " (is this a Neural Workbench project file?)");
    }

    /** Each case breaks one thing in the golden iris project; the message must say what and where. */
    static Stream<Arguments> brokenProjects() {
        return Stream.of(
                broken("newer format version", root -> root.put("formatVersion", 2),
                        "this project was written by a newer version of Neural Workbench (format 2); this version "
                                + "reads format 1. Update Neural Workbench to open it."),
                broken("no data file", root -> object(root, "/data").remove("file"),
                        "data: missing required field \"file\""),
                broken("run without start", root -> object(root, "/runs/0").remove("startedAt"),
                        "runs[0]: missing required field \"startedAt\""),
                broken("network error", root -> object(root, "/network/nodes/1/layer").put("units", "many"),
                        "network.nodes[1].layer.units: expected a whole number but found \"many\""),
                // The network keeps NetworkJson's strictness: a misspelt field there would silently change the model.
                broken("unknown field in the network", root -> object(root, "/network").put("nodez", 3),
                        "network: unknown field \"nodez\" (known fields: formatVersion, name, nodes, edges)"),
                broken("text for a whole number", root -> object(root, "/training").put("batchSize", "many"),
                        "training.batchSize: expected a whole number but found \"many\""),
                broken("fraction for a whole number", root -> object(root, "/training").put("epochs", 2.5),
                        "training.epochs: expected a whole number but found 2.5"),
                broken("number left out of the history", root -> object(root, "/runs/0/history/1").remove("trainLoss"),
                        "runs[0].history[1]: missing required field \"trainLoss\""),
                broken("metrics without macro average",
                        root -> object(root, "/runs/0/testMetrics/classification").remove("macroAverage"),
                        "runs[0].testMetrics.classification: missing required field \"macroAverage\""),
                broken("null in a list", root -> ((ArrayNode) root.at("/runs/0/history")).addNull(),
                        "runs[0].history[2]: expected a value but found null"),
                broken("boolean in the history", root -> object(root, "/runs/0/history/1").put("trainLoss", true),
                        "runs[0].history[1].trainLoss: expected a number but found true"),
                broken("unknown enum value", root -> object(root, "/data/spec").put("scaling", "LOUD"),
                        "data.spec.scaling: expected one of STANDARDIZE, MIN_MAX, NONE but found \"LOUD\""),
                broken("object for the run list", root -> root.putObject("runs"),
                        "runs: expected a list but found an object"),
                broken("start time not ISO-8601", root -> object(root, "/runs/0").put("startedAt", "yesterday"),
                        "runs[0].startedAt: expected an ISO-8601 time such as \"2026-01-31T09:30:00Z\" but found "
                                + "\"yesterday\""),
                broken("node position without y", root -> layout(root, 1).putObject("input").put("x", 20),
                        "layout.positions.input: missing required field \"y\""),
                broken("null node position", root -> layout(root, 1).putNull("input"),
                        "layout.positions.input: expected an object with x and y but found null"),
                broken("text for a coordinate", root -> layout(root, 1).putObject("input").put("x", "left").put("y", 0),
                        "layout.positions.input.x: expected a number but found \"left\""),
                broken("layout without positions", root -> root.putObject("layout").put("version", 1),
                        "layout: missing required field \"positions\""),
                broken("value the engine rejects", root -> object(root, "/data/spec/split").put("train", 0.9),
                        "data.spec.split: split fractions 0.9 / 0.15 / 0.15 do not work — give training more than 0 "
                                + "and make the three add up to 1 (e.g. 0.7 / 0.15 / 0.15)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenProjects")
    void brokenProjectIsReportedWithWhatAndWhere(String problem, Consumer<ObjectNode> edit, String expectedMessage)
            throws IOException {
        Path file = goldenProjectEditedAs(edit);

        assertThatReadFails(file).hasMessage("iris.nwproj: " + expectedMessage);
    }

    /** An interrupted save fails while writing (the file channel closes), as a crash or a full disk would. */
    @Test
    void failedSaveLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = folder.resolve("iris.nwproj");
        ProjectFiles.write(Project.newFor(folder.resolve("iris.csv"), "species"), file);
        byte[] saved = Files.readAllBytes(file);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> ProjectFiles.write(GoldenProjectFiles.iris(folder), file))
                    .isInstanceOf(ClosedByInterruptException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(saved);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** The golden iris project written to the test folder, with its JSON changed by {@code edit}. */
    private Path goldenProjectEditedAs(Consumer<ObjectNode> edit) throws IOException {
        Path file = folder.resolve("iris.nwproj");
        ProjectFiles.write(GoldenProjectFiles.iris(folder), file);
        ObjectNode root = (ObjectNode) Json.mapper().readTree(file.toFile());
        edit.accept(root);
        Files.write(file, Json.mapper().writeValueAsBytes(root));
        return file;
    }

    private static Arguments broken(String problem, Consumer<ObjectNode> edit, String expectedMessage) {
        return Arguments.of(problem, edit, expectedMessage);
    }

    private static ObjectNode object(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    /** Adds a layout of the given version to the file and returns its (empty) positions. */
    private static ObjectNode layout(ObjectNode root, int version) {
        ObjectNode layout = root.putObject("layout");
        layout.put("version", version);
        return layout.putObject("positions");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertThatReadFails(Path file) {
        return assertThatThrownBy(() -> ProjectFiles.read(file))
                .isInstanceOf(UserInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
