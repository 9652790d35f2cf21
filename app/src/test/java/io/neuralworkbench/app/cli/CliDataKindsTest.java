package io.neuralworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.neuralworkbench.app.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train} on each kind of data {@code --data} detects (IDX files, an image folder, texts in a TSV file),
 * and {@code predict} on image folders and text files, with the real datasets in ../shared/datasets.
 */
@Tag("slow")
class CliDataKindsTest {
    private static final Path DATASETS = Path.of("../shared/datasets");
    private static final Path MNIST_DIGITS = DATASETS.resolve("mnist-digits");
    private static final Path MNIST_PNG = DATASETS.resolve("mnist-png");
    private static final Path SMS_SPAM = DATASETS.resolve("sms-spam.tsv");

    @TempDir
    Path directory;

    /** The share of predicted labels that equal the class folder (the first path element) of each image. */
    private static double accuracyAgainstFolderNames(List<String> predictionLines) {
        long correct = predictionLines.stream().skip(1)
                .filter(line -> line.split(",")[1].equals(Path.of(line.split(",")[0]).getName(0).toString()))
                .count();
        return (double) correct / (predictionLines.size() - 1);
    }

    @Test
    void anMlpTrainedOnIdxFilesPredictsTheDigitsOfAnImageFolder() throws Exception {
        Path bundle = directory.resolve("digits.zip");
        CommandRun train = run("train", "--data", MNIST_DIGITS.toString(), "--template", "mlp", "--epochs", "2",
                "--batch", "64", "--threads", "1", "--out", bundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        Path predictions = directory.resolve("digits.csv");
        CommandRun predict = run("predict", bundle.toString(), "--data", MNIST_PNG.resolve("test").toString(),
                "--out", predictions.toString());

        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(201);
        assertThat(lines.get(0)).startsWith("file,predicted_label,probability_0,probability_1,");
        // Trained on the IDX files, judged on PNGs: the two readers must agree on pixels and scaling.
        assertThat(accuracyAgainstFolderNames(lines)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aCnnTrainsOnAnImageFolderWithAugmentationAndPredictsOneImage() throws Exception {
        Path bundle = directory.resolve("png.zip");
        CommandRun train = run("train", "--data", MNIST_PNG.toString(), "--template", "lenet", "--epochs", "3",
                "--augment", "rotation=5,shift=0.05", "--out", bundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        Path predictions = directory.resolve("one.csv");
        Path image;
        try (var images = Files.list(MNIST_PNG.resolve("test").resolve("7"))) {
            image = images.sorted().findFirst().orElseThrow();
        }
        CommandRun predict = run("predict", bundle.toString(), "--data", image.toString(), "--out",
                predictions.toString());

        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(image.getFileName() + ",");
        assertThat(lines.get(1).split(",")).hasSize(12);
    }

    @Test
    void theTextClassifierTrainsOnATsvAndPredictsTheLinesOfATextFile() throws Exception {
        Path bundle = directory.resolve("spam.zip");
        CommandRun train = run("train", "--data", SMS_SPAM.toString(), "--text-column", "SMS", "--target", "Label",
                "--epochs", "5", "--lr", "0.005", "--balance-classes", "--backend", "pytorch", "--out", bundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        Path texts = directory.resolve("messages.txt");
        Files.writeString(texts, """
                WINNER!! You have won a free prize of 1000 cash. Call 09061701461 now to claim, txt STOP to end
                ok, see you at home later. I'll bring the food
                """);
        Path predictions = directory.resolve("messages.csv");
        CommandRun predict = run("predict", bundle.toString(), "--data", texts.toString(), "--out",
                predictions.toString());

        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("line,predicted_Label,probability_ham,probability_spam");
        assertThat(lines.get(1)).startsWith("1,spam,");
        assertThat(lines.get(2)).startsWith("2,ham,");

        CommandRun evaluate = run("evaluate", bundle.toString(), "--data", SMS_SPAM.toString(), "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(evaluate.out());
        assertThat(json.at("/metrics/accuracy").asDouble()).isGreaterThan(0.95);
    }

    @Test
    void aTeachingSetTrainsByNameAndItsBundlePredictsItsCsvExport() throws Exception {
        Path bundle = directory.resolve("spirals.zip");
        CommandRun train = run("train", "--sample", "spirals", "--epochs", "3", "--out", bundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        Path csv = directory.resolve("spirals.csv");
        assertThat(run("generate", "spirals", "--out", csv.toString(), "--samples", "40").exitCode()).isZero();
        Path predictions = directory.resolve("spirals-predictions.csv");
        CommandRun predict = run("predict", bundle.toString(), "--data", csv.toString(), "--out",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(predictions, StandardCharsets.UTF_8)).hasSize(41);

        CommandRun unknown = run("train", "--sample", "moons", "--out", bundle.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no sample called \"moons\"", "spirals");
    }

    @Test
    void dataThatDoesNotFitTheOptionsIsRefusedWithExitCodeTwo() throws Exception {
        CommandRun textColumnOnImages = run("train", "--data", MNIST_PNG.toString(), "--text-column", "SMS",
                "--out", directory.resolve("x.zip").toString());
        assertThat(textColumnOnImages.exitCode()).isEqualTo(2);
        assertThat(textColumnOnImages.err()).contains("--text-column is for a CSV/TSV file", "a folder of images");

        CommandRun lenetOnTexts = run("train", "--data", SMS_SPAM.toString(), "--text-column", "SMS", "--target",
                "Label", "--template", "lenet", "--out", directory.resolve("x.zip").toString());
        assertThat(lenetOnTexts.exitCode()).isEqualTo(2);
        assertThat(lenetOnTexts.err()).contains("lenet template cannot take", "text or lstm");

        Path empty = Files.createDirectories(directory.resolve("empty"));
        CommandRun emptyFolder = run("train", "--data", empty.toString(), "--out",
                directory.resolve("x.zip").toString());
        assertThat(emptyFolder.exitCode()).isEqualTo(2);
        assertThat(emptyFolder.err()).contains("neither MNIST IDX files");

        CommandRun badAugmentation = run("train", "--data", MNIST_PNG.toString(), "--augment", "spin=3",
                "--out", directory.resolve("x.zip").toString());
        assertThat(badAugmentation.exitCode()).isEqualTo(2);
        assertThat(badAugmentation.err()).contains("\"spin\" is not an augmentation");

        CommandRun unknownTemplate = run("train", "--data", SMS_SPAM.toString(), "--text-column", "SMS",
                "--target", "Label", "--template", "gpt", "--out", directory.resolve("x.zip").toString());
        assertThat(unknownTemplate.exitCode()).isEqualTo(2);
        assertThat(unknownTemplate.err()).contains("Unknown template \"gpt\"", "mlp, lenet, residual, text, lstm");
    }
}
