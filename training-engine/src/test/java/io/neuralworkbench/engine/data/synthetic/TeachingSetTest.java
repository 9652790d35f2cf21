package io.neuralworkbench.engine.data.synthetic;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataPreparer;
import io.neuralworkbench.engine.data.PreparedData;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The teaching sets: their clean geometry, determinism, and that they are ordinary, exportable tables. */
class TeachingSetTest {
    /** The tables hold five decimals. */
    private static final double PRINTED = 1e-5;

    private static RawTable clean(TeachingSet set, int samples) {
        return set.generate(new GeneratorSettings(samples, 0, 7));
    }

    private static double value(RawTable table, int row, int column) {
        return Double.parseDouble(table.cell(row, column));
    }

    private static double radius(RawTable table, int row) {
        return Math.hypot(value(table, row, 0), value(table, row, 1));
    }

    private static List<Integer> rowsOf(RawTable table, String label) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (label.equals(table.cell(row, 2))) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void cleanCirclesAreADiscInsideARing() {
        RawTable circles = clean(TeachingSet.CIRCLES, 400);

        assertThat(rowsOf(circles, "inner")).hasSize(200)
                .allSatisfy(row -> assertThat(radius(circles, row)).isLessThanOrEqualTo(0.5 + PRINTED));
        assertThat(rowsOf(circles, "outer")).hasSize(200)
                .allSatisfy(row -> assertThat(radius(circles, row)).isBetween(0.7 - PRINTED, 1 + PRINTED));
    }

    @Test
    void cleanXorPointsLieOffTheAxesWithTheClassGivenByTheSignOfTheProduct() {
        RawTable xor = clean(TeachingSet.XOR, 401);

        assertThat(rowsOf(xor, "positive")).hasSize(200);
        assertThat(rowsOf(xor, "negative")).hasSize(201);
        for (int row = 0; row < xor.rowCount(); row++) {
            double x1 = value(xor, row, 0);
            double x2 = value(xor, row, 1);
            assertThat(Math.min(Math.abs(x1), Math.abs(x2))).isGreaterThanOrEqualTo(TeachingSet.XOR_GAP - PRINTED);
            assertThat(Math.max(Math.abs(x1), Math.abs(x2))).isLessThanOrEqualTo(1 + PRINTED);
            assertThat(xor.cell(row, 2)).isEqualTo(x1 * x2 > 0 ? "positive" : "negative");
        }
        // All four quadrants are used, not just two.
        long quadrants = java.util.stream.IntStream.range(0, xor.rowCount())
                .mapToObj(row -> Math.signum(value(xor, row, 0)) + "/" + Math.signum(value(xor, row, 1)))
                .distinct().count();
        assertThat(quadrants).isEqualTo(4);
    }

    @Test
    void cleanSpiralsAreBalancedAndTheSecondIsTheFirstTurnedByHalfACircle() {
        RawTable spirals = clean(TeachingSet.SPIRALS, 600);
        List<Integer> first = rowsOf(spirals, "spiral_a");
        List<Integer> second = rowsOf(spirals, "spiral_b");

        assertThat(first).hasSize(300);
        assertThat(second).hasSize(300);
        for (int i = 0; i < first.size(); i++) {
            int a = first.get(i);
            int b = second.get(i);
            // Radii grow evenly out to 1, and point i of one spiral is point i of the other mirrored through 0.
            assertThat(radius(spirals, a)).isCloseTo((i + 1) / 300.0, within(2 * PRINTED));
            assertThat(value(spirals, b, 0)).isCloseTo(-value(spirals, a, 0), within(2 * PRINTED));
            assertThat(value(spirals, b, 1)).isCloseTo(-value(spirals, a, 1), within(2 * PRINTED));
        }
        // 1.75 turns: the angle of the outermost point of spiral a is 1.75 turns from its start (angle 0 at x2 axis).
        double lastAngle = Math.atan2(value(spirals, first.get(299), 0), value(spirals, first.get(299), 1));
        assertThat(lastAngle).isCloseTo(Math.IEEEremainder(TeachingSet.SPIRAL_TURNS * 2 * Math.PI, 2 * Math.PI),
                within(1e-3));
    }

    @Test
    void cleanBlobsAreCentredOnTheirCornersAndSeparatedByTheDiagonal() {
        RawTable blobs = clean(TeachingSet.BLOBS, 1000);

        for (String label : List.of("lower_left", "upper_right")) {
            List<Integer> rows = rowsOf(blobs, label);
            double centre = label.equals("lower_left") ? -0.5 : 0.5;
            assertThat(rows).hasSize(500);
            assertThat(rows.stream().mapToDouble(row -> value(blobs, row, 0)).average().orElseThrow())
                    .isCloseTo(centre, within(0.03));
            assertThat(rows.stream().mapToDouble(row -> value(blobs, row, 1)).average().orElseThrow())
                    .isCloseTo(centre, within(0.03));
            assertThat(rows).allSatisfy(row ->
                    assertThat(Math.signum(value(blobs, row, 0) + value(blobs, row, 1))).isEqualTo(Math.signum(centre)));
        }
    }

    @Test
    void theCleanCurveIsTheSine() {
        RawTable curve = clean(TeachingSet.CURVE, 300);

        assertThat(curve.columnNames()).containsExactly("x", "y");
        for (int row = 0; row < curve.rowCount(); row++) {
            double x = value(curve, row, 0);
            assertThat(x).isBetween(-1.0, 1.0);
            assertThat(value(curve, row, 1)).isCloseTo(Math.sin(Math.PI * x), within(3 * PRINTED));
        }
    }

    @Test
    void noiseJittersThePointsByAboutItsStandardDeviation() {
        RawTable noisy = TeachingSet.CURVE.generate(new GeneratorSettings(5000, 0.2, 7));
        double squaredErrors = 0;
        for (int row = 0; row < noisy.rowCount(); row++) {
            double error = value(noisy, row, 1) - Math.sin(Math.PI * value(noisy, row, 0));
            squaredErrors += error * error;
        }
        assertThat(Math.sqrt(squaredErrors / noisy.rowCount())).isCloseTo(0.2, within(0.01));

        // Noise moves circle points off their clean radii.
        RawTable circles = TeachingSet.CIRCLES.generate(new GeneratorSettings(1000, 0.2, 7));
        assertThat(rowsOf(circles, "inner").stream().anyMatch(row -> radius(circles, row) > 0.6)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TeachingSet.class)
    void theSameSeedGivesTheSameTableAndAnotherSeedAnother(TeachingSet set) {
        RawTable table = set.generate(new GeneratorSettings(200, 0.1, 3));
        RawTable again = set.generate(new GeneratorSettings(200, 0.1, 3));
        RawTable otherSeed = set.generate(new GeneratorSettings(200, 0.1, 4));

        assertThat(cells(again)).isEqualTo(cells(table));
        assertThat(again.sha256()).isEqualTo(table.sha256());
        assertThat(cells(otherSeed)).isNotEqualTo(cells(table));
        assertThat(otherSeed.sha256()).isNotEqualTo(table.sha256());
    }

    @ParameterizedTest
    @EnumSource(TeachingSet.class)
    void theExportedCsvReadsBackAsTheSameTable(TeachingSet set, @TempDir Path directory) throws Exception {
        RawTable table = set.generate(new GeneratorSettings(150, 0.1, 5));
        Path file = directory.resolve(set.id() + ".csv");

        table.writeCsv(file);
        RawTable reread = CsvImporter.read(file);

        assertThat(reread.columnNames()).isEqualTo(table.columnNames()).isEqualTo(set.columnNames());
        assertThat(reread.format()).isEqualTo(table.format());
        assertThat(cells(reread)).isEqualTo(cells(table));
        assertThat(reread.lineNumber(149)).isEqualTo(table.lineNumber(149)).isEqualTo(151);
        assertThat(reread.sha256()).isEqualTo(table.sha256());
        assertThat(reread.fileName()).isEqualTo(table.fileName());
    }

    @ParameterizedTest
    @EnumSource(TeachingSet.class)
    void eachSetPreparesLikeACsvFileWithItsTask(TeachingSet set) {
        RawTable table = set.generate(GeneratorSettings.defaults());

        PreparedData data = DataPreparer.prepare(table, PreprocessingSpec.forTarget(set.targetColumn()));

        assertThat(data.preprocessing().task()).isEqualTo(set.task());
        assertThat(data.preprocessing().featureCount()).isEqualTo(set.task() == TaskType.REGRESSION ? 1 : 2);
        assertThat(data.preprocessing().classNames()).isEqualTo(set.classNames());
        assertThat(data.train().size() + data.validation().size() + data.test().size())
                .isEqualTo(GeneratorSettings.DEFAULT_SAMPLES);
    }

    @Test
    void anInMemoryTableKeepsTheImportersInvariants() {
        RawTable table = RawTable.of("made.csv", List.of("a", "b"),
                List.of(new String[] {" 1 ", ""}, new String[] {"x,y", "say \"hi\""}));

        assertThat(table.cell(0, 0)).isEqualTo(" 1 ");
        assertThat(table.cell(0, 1)).isNull();
        assertThat(table.cell(1, 0)).isEqualTo("x,y");
        assertThat(table.cell(1, 1)).isEqualTo("say \"hi\"");
        assertThat(table.location(1)).isEqualTo("made.csv line 3");
        assertThatThrownBy(() -> RawTable.of("made.csv", List.of("a", "a"), List.<String[]>of(new String[] {"1", "2"})))
                .isInstanceOf(UserInputException.class).hasMessageContaining("appears twice");
    }

    @Test
    void badSettingsAndUnknownNamesAreUserErrors() {
        assertThatThrownBy(() -> new GeneratorSettings(5, 0.1, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("between 10 and 100,000 samples");
        assertThatThrownBy(() -> new GeneratorSettings(100, -0.1, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("noise -0.1 is out of range");
        assertThatThrownBy(() -> new GeneratorSettings(100, Double.NaN, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("between 0 (clean) and 1.0");
        assertThat(TeachingSet.named(" Spirals")).isEqualTo(TeachingSet.SPIRALS);
        assertThatThrownBy(() -> TeachingSet.named("moons")).isInstanceOf(UserInputException.class)
                .hasMessage("There is no teaching set called \"moons\" — choose one of circles, xor, spirals, blobs, curve");
    }

    private static List<List<String>> cells(RawTable table) {
        List<List<String>> cells = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            cells.add(table.row(row));
        }
        return cells;
    }
}
