package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.bundle.ModelBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.neuralworkbench.app.cli.CommandRun.assertBadInput;
import static io.neuralworkbench.app.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench export} end to end on a trained iris bundle: each format, and its bad-input messages. */
class ExportCommandTest {
    private static final Path IRIS = Path.of("../shared/datasets/iris.csv");

    @TempDir
    static Path directory;
    private static Path bundle;

    @BeforeAll
    static void trainIrisOnce() {
        bundle = directory.resolve("iris-model.zip");
        CommandRun train = run("train", "--data", IRIS.toString(), "--target", "species", "--epochs", "20",
                "--lr", "0.01", "--threads", "1", "--backend", "dl4j", "--out", bundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    @Test
    void aCardExportWritesTheHtmlFileAfterTheParityCheck() throws Exception {
        Path out = directory.resolve("card");

        CommandRun export = run("export", bundle.toString(), "--format", "card", "--out", out.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("The written bundle predicts what the model in memory predicts on 64"
                + " generated inputs", "Exported 1 file", "model-card.html", "in a browser");
        assertThat(Files.readString(out.resolve("model-card.html"))).contains("Model card: iris-model", "setosa");
        try (var files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void aBundleExportIsCheckedOnTheRowsGivenAndReadsBack() {
        Path out = directory.resolve("copy");

        CommandRun export = run("export", bundle.toString(), "--format", "BUNDLE", "--out", out.toString(),
                "--name", "iris v2", "--data", IRIS.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("on 150 rows of iris.csv", "iris-v2.zip");
        try (ModelBundle copy = ModelBundle.read(out.resolve("iris-v2.zip"))) {
            assertThat(copy.preprocessing().classNames()).containsExactly("setosa", "versicolor", "virginica");
        }
    }

    @Test
    void aJavaExportWritesTheMavenProjectWithTheBundle() {
        Path out = directory.resolve("java");

        CommandRun export = run("export", bundle.toString(), "--format", "java", "--out", out.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(out.resolve("pom.xml")).isRegularFile();
        assertThat(out.resolve("src/main/java/example/PredictExample.java")).isRegularFile();
        assertThat(out.resolve("iris-model.zip")).isRegularFile();
        assertThat(export.out()).contains("mvn -q compile exec:java -Dexec.args=\"iris-model.zip rows.csv\"");
    }

    @Test
    void helpNamesTheFormatsAndOptions() {
        CommandRun help = run("export", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("BUNDLE", "--format", "card|java|bundle|onnx", "--out", "--data", "--name",
                "read back", "MODEL.preprocessing.json");
    }

    @Test
    void anOnnxExportWritesTheModelAndItsPreprocessingBesideIt() throws Exception {
        Path onnx = directory.resolve("deploy/iris.onnx");

        CommandRun export = run("export", bundle.toString(), "--format", "onnx", "--out", onnx.toString(),
                "--data", IRIS.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("on 150 rows of iris.csv", "iris.onnx", "iris.preprocessing.json",
                "docs/onnx.md");
        byte[] model = Files.readAllBytes(onnx);
        // An ONNX ModelProto starts with field 1 (ir_version) as a varint: tag byte 0x08.
        assertThat(model[0]).isEqualTo((byte) 0x08);
        assertThat(new String(model, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Neural Workbench",
                "MatMul", "Softmax");
        assertThat(Files.readString(directory.resolve("deploy/iris.preprocessing.json")))
                .contains("\"classNames\"", "\"setosa\"", "\"petal_length\"");
        try (var files = Files.list(directory.resolve("deploy"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("iris.onnx", "iris.preprocessing.json");
        }
    }

    @Test
    void badInputsGiveAOneLineMessageAndExitTwo() throws Exception {
        Path notABundle = Files.writeString(directory.resolve("notes.zip"), "not a zip");
        assertBadInput(run("export", notABundle.toString(), "--format", "card", "--out",
                directory.resolve("x").toString()), "is not a Neural Workbench model bundle");
        assertBadInput(run("export", directory.resolve("missing.zip").toString(), "--format", "card", "--out",
                directory.resolve("y").toString()), "does not exist");

        Path used = Files.createDirectories(directory.resolve("used"));
        Files.writeString(used.resolve("mine.txt"), "keep");
        assertBadInput(run("export", bundle.toString(), "--format", "bundle", "--out", used.toString()),
                "already has files in it");
        assertThat(used.resolve("mine.txt")).hasContent("keep");

        Path fileInTheWay = Files.writeString(directory.resolve("file-in-the-way"), "x");
        assertBadInput(run("export", bundle.toString(), "--format", "bundle", "--out",
                fileInTheWay.resolve("out").toString()), "Cannot write the export into");

        CommandRun unknownFormat = run("export", bundle.toString(), "--format", "tflite", "--out",
                directory.resolve("z").toString());
        assertThat(unknownFormat.exitCode()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("--format", "tflite");

        assertBadInput(run("export", bundle.toString(), "--format", "onnx", "--out", used.toString()),
                "is a folder; give the ONNX file's name");
    }
}
