package io.neuralworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralworkbench.engine.network.NetworkJson;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.neuralworkbench.app.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The commands end to end on real data: train, evaluate, predict, validate, and their bad-input messages. */
class CliCommandsTest {
    private static final Path IRIS = Path.of("../shared/datasets/iris.csv");

    @TempDir
    static Path directory;
    private static Path bundle;

    @BeforeAll
    static void trainIrisOnce() {
        bundle = directory.resolve("iris-model.zip");
        CommandRun train = run("train", "--data", IRIS.toString(), "--target", "species", "--epochs", "30", "--batch", "16",
                "--lr", "0.01", "--threads", "1", "--out", bundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(bundle).isRegularFile();
    }

    @Test
    void evaluatePrintsTheMetricsAsJson() throws Exception {
        CommandRun evaluate = run("evaluate", bundle.toString(), "--data", IRIS.toString(), "--json");

        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(evaluate.out());
        assertThat(json.at("/metrics/accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(json.at("/metrics/macro_f1").asDouble()).isGreaterThan(0.9);
        assertThat(json.at("/samples").asInt()).isEqualTo(150);
        assertThat(json.at("/confusionMatrix")).hasSize(3);
        assertThat(json.at("/perClass/0/className").asText()).isEqualTo("setosa");
    }

    @Test
    void evaluateWithoutJsonPrintsATableAndTheConfusionMatrix() {
        CommandRun evaluate = run("evaluate", bundle.toString(), "--data", IRIS.toString());

        assertThat(evaluate.exitCode()).isZero();
        assertThat(evaluate.out()).contains("accuracy", "macro F1", "precision", "versicolor", "Confusion matrix");
    }

    @Test
    void predictWritesOneLineWithLabelAndProbabilitiesPerRow() throws Exception {
        Path predictions = directory.resolve("predictions.csv");
        CommandRun predict = run("predict", bundle.toString(), "--data", IRIS.toString(), "--out", predictions.toString());

        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(151);
        assertThat(lines.get(0)).isEqualTo("line,predicted_species,probability_setosa,probability_versicolor,probability_virginica");
        assertThat(lines.get(1)).startsWith("2,setosa,");
        List<String> irisRows = Files.readAllLines(IRIS, StandardCharsets.UTF_8);
        long correct = 0;
        for (int i = 1; i < lines.size(); i++) {
            String actualSpecies = irisRows.get(i).substring(irisRows.get(i).lastIndexOf(',') + 1);
            if (lines.get(i).split(",")[1].equals(actualSpecies)) {
                correct++;
            }
        }
        assertThat(correct).isGreaterThan(135);
    }

    @Test
    void validateReportsShapesAndParametersAndExitsZeroForAValidNetwork() throws Exception {
        Path network = directory.resolve("lenet.json");
        NetworkJson.toFile(Templates.lenet(28, 28, 1, 10), network);
        CommandRun validate = run("validate", network.toString());

        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).contains("Total parameters: 431,080", "The network is valid.");
    }

    @Test
    void validateExitsTwoAndNamesTheNodeForAnInvalidNetwork() throws Exception {
        Path network = directory.resolve("broken.json");
        Files.writeString(network, """
                {"formatVersion": 1, "name": "broken",
                 "nodes": [{"name": "in", "layer": {"type": "input", "shape": {"kind": "flat", "size": 120}}},
                           {"name": "conv2", "layer": {"type": "convolution2d", "filters": 8, "kernel": {"height": 3, "width": 3}}},
                           {"name": "out", "layer": {"type": "output", "units": 3}}],
                 "edges": [{"from": "in", "to": "conv2"}, {"from": "conv2", "to": "out"}]}
                """);
        CommandRun validate = run("validate", network.toString());

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.out()).contains("conv2", "image");
    }

    @Test
    void thePyTorchBackendTrainsABundleThatEvaluatesWithPlainDl4j() throws Exception {
        Path pyTorchBundle = directory.resolve("iris-pytorch.zip");
        CommandRun train = run("train", "--data", IRIS.toString(), "--target", "species", "--epochs", "30",
                "--batch", "16", "--lr", "0.01", "--backend", "pytorch", "--out", pyTorchBundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        CommandRun evaluate = run("evaluate", pyTorchBundle.toString(), "--data", IRIS.toString(), "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(new ObjectMapper().readTree(evaluate.out()).at("/metrics/accuracy").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void aCheckpointedRunResumesFromTheCommandLineOnlyWithTheSameSettings() {
        Path checkpoints = directory.resolve("checkpoints");
        String[] options = {"train", "--data", IRIS.toString(), "--target", "species", "--epochs", "3",
            "--checkpoint-dir", checkpoints.toString(), "--out", directory.resolve("first.zip").toString()};
        assertThat(run(options).exitCode()).isZero();
        assertThat(checkpoints.resolve("checkpoint.zip")).isRegularFile();

        CommandRun resumed = run("train", "--data", IRIS.toString(), "--target", "species", "--epochs", "3",
                "--checkpoint-dir", checkpoints.toString(), "--resume", "--out", directory.resolve("resumed.zip").toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(directory.resolve("resumed.zip")).isRegularFile();

        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "species", "--epochs", "5",
                "--checkpoint-dir", checkpoints.toString(), "--resume", "--out", directory.resolve("other.zip").toString()),
                "different network or different training settings");
        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "species", "--resume",
                "--out", directory.resolve("other.zip").toString()), "--resume needs --checkpoint-dir");
    }

    @Test
    void inspectShowsEachColumnsTypeAndStatistics() {
        CommandRun inspect = run("inspect", "../shared/datasets/titanic.csv");

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("titanic.csv: 891 rows, 15 columns")
                .containsPattern("age\\s+NUMERIC\\s+714\\s+177")
                .containsPattern("adult_male\\s+BOOLEAN")
                .containsPattern("embark_town\\s+CATEGORICAL");
    }

    @Test
    void trainingAProjectUsesItsSettingsAndRecordsTheRunInIt() throws Exception {
        Path projectFile = directory.resolve("iris.nwproj");
        ProjectFiles.write(Project.newFor(IRIS.toAbsolutePath(), "species")
                .withTraining(TrainingConfig.defaults().withEpochs(4).withLearningRate(0.01)), projectFile);

        CommandRun train = run("train", projectFile.toString());

        assertThat(train.exitCode()).as(train.err()).isZero();
        Project reloaded = ProjectFiles.read(projectFile);
        assertThat(reloaded.runs()).hasSize(1);
        var run = reloaded.runs().get(0);
        assertThat(run.id()).isEqualTo("run-1");
        assertThat(run.state()).isEqualTo("COMPLETED");
        assertThat(run.history()).hasSize(4);
        assertThat(run.testMetrics().classification().accuracy()).isGreaterThan(0.5);
        assertThat(run.bundle()).isEqualTo(directory.resolve("iris-run-1.zip").toAbsolutePath().normalize())
                .isRegularFile();
    }

    @Test
    void badInputsGiveAOneLineMessageAndExitTwo() throws Exception {
        Path binary = directory.resolve("model.bin");
        Files.write(binary, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        Path notABundle = directory.resolve("not-a-bundle.zip");
        Files.writeString(notABundle, "hello");

        assertBadInput(run("train", "--data", directory.resolve("missing.csv").toString(), "--target", "x",
                "--out", directory.resolve("m.zip").toString()), "missing.csv");
        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "specie",
                "--out", directory.resolve("m.zip").toString()), "specie");
        assertBadInput(run("train", "--data", binary.toString(), "--target", "x",
                "--out", directory.resolve("m.zip").toString()), "model.bin");
        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "sepal_length", "--type", "species=numeric",
                "--out", directory.resolve("m.zip").toString()), "\"setosa\" is not a number");
        assertBadInput(run("train", "--out", directory.resolve("m.zip").toString()), "Missing data");
        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "species"), "Missing --out");
        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "species", "--backend", "tensorflow",
                "--out", directory.resolve("m.zip").toString()), "Unknown backend \"tensorflow\"");
        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "species", "--threads", "0",
                "--out", directory.resolve("m.zip").toString()), "--threads must be at least 1");
        assertBadInput(run("evaluate", notABundle.toString(), "--data", IRIS.toString()), "not a Neural Workbench model bundle");
        assertBadInput(run("train", "--data", IRIS.toString(), "--target", "species", "--epochs", "0",
                "--out", directory.resolve("m.zip").toString()), "Epochs must be at least 1");
    }

    private static void assertBadInput(CommandRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(expected).doesNotContain("Exception", "\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
