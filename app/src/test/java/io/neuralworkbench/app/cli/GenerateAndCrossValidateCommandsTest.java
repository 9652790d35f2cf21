package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.synthetic.TeachingSets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.neuralworkbench.app.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate} and {@code crossvalidate} end to end, and their bad-input messages. */
class GenerateAndCrossValidateCommandsTest {
    private static final Path IRIS = Path.of("../shared/datasets/iris.csv");

    @TempDir
    Path directory;

    private static List<List<String>> rows(RawTable table) {
        return IntStream.range(0, table.rowCount()).mapToObj(table::row).toList();
    }

    /** The mean of a metric from the "  accuracy  0.9533 ± 0.0298" summary line. */
    private static double mean(String out, String metric) {
        Matcher matcher = Pattern.compile("(?m)^  " + metric + " +([0-9.]+) ± ([0-9.]+)$").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void generateWritesTheTeachingSetAsACsvFileThatReadsBackAsTheSameTable() {
        Path file = directory.resolve("spirals.csv");
        CommandRun generate = run("generate", "spirals", "--out", file.toString(), "--samples", "200", "--noise", "0.1",
                "--seed", "3");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("Wrote 200 rows of spirals", "the column to predict is label");
        RawTable written = CsvImporter.read(file);
        assertThat(written.columnNames()).containsExactly("x1", "x2", "label");
        assertThat(rows(written)).isEqualTo(rows(TeachingSets.byName("spirals", 200, 0.1, 3)));
    }

    @Test
    @Tag("slow")
    void crossvalidateOnIrisPrintsEveryFoldAndTheMeanAndStandardDeviation() {
        CommandRun cv = run("crossvalidate", "--data", IRIS.toString(), "--target", "species", "--folds", "3",
                "--epochs", "15", "--batch", "16", "--lr", "0.05", "--threads", "1");

        assertThat(cv.exitCode()).as(cv.err()).isZero();
        assertThat(cv.out()).contains("Data: iris.csv, 150 rows in 3 folds stratified by class",
                "Mean ± standard deviation over 3 folds:");
        assertThat(cv.out().lines().filter(line -> line.matches(
                "Fold [1-3]/3: accuracy [0-9.]+, macro_f1 [0-9.]+ \\(100 training, 50 held-out rows, 15 epochs, .*")))
                .hasSize(3);
        assertThat(mean(cv.out(), "accuracy")).isGreaterThanOrEqualTo(0.85);
        mean(cv.out(), "macro_f1");
    }

    @Test
    void crossvalidateOnAGeneratedRegressionSetReportsRmseAndR2() {
        CommandRun cv = run("crossvalidate", "--sample", "curve", "--folds", "2", "--epochs", "3", "--threads", "1");

        assertThat(cv.exitCode()).as(cv.err()).isZero();
        assertThat(cv.out()).contains("Data: curve.csv, 500 rows in 2 folds; regression on y", "Fold 2/2: rmse ");
        assertThat(mean(cv.out(), "rmse")).isPositive();
        mean(cv.out(), "mae");
        assertThat(cv.out()).containsPattern("(?m)^  r2 +-?[0-9.]+ ± ");
    }

    @Test
    void badInputsGiveAOneLineMessageAndExitTwo() {
        assertBadInput(run("generate", "moons", "--out", directory.resolve("m.csv").toString()),
                "\"moons\" — choose one of circles, xor, spirals, blobs, curve");
        assertBadInput(run("generate", "xor", "--out", directory.resolve("m.csv").toString(), "--samples", "5"),
                "5 samples is out of range");
        assertBadInput(run("generate", "xor", "--out", directory.resolve("no/such/folder/m.csv").toString()),
                "does not exist");

        assertBadInput(run("crossvalidate", "--sample", "moons"), "choose one of iris, circles, xor");
        assertBadInput(run("crossvalidate", "--data", IRIS.toString(), "--target", "species", "--folds", "1"),
                "at least 2 folds");
        assertBadInput(run("crossvalidate", "--data", IRIS.toString(), "--target", "species", "--folds", "51"),
                "has 50 rows — choose at most 50 folds");
        assertBadInput(run("crossvalidate", "--data", IRIS.toString()), "Missing --target");
        assertBadInput(run("crossvalidate", "--folds", "3"), "Missing data");
        assertBadInput(run("crossvalidate", "--data", IRIS.toString(), "--target", "specie"), "specie");
    }

    private static void assertBadInput(CommandRun run, String expected) {
        CommandRun.assertBadInput(run, expected);
        assertThat(run.out().toLowerCase(Locale.ROOT)).doesNotContain("fold 1/");
    }
}
