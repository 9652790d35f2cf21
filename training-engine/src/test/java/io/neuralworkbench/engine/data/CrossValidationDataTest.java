package io.neuralworkbench.engine.data;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.neuralworkbench.engine.data.synthetic.GeneratorSettings;
import io.neuralworkbench.engine.data.synthetic.TeachingSet;

/** Dealing rows into folds, and fitting each fold's preprocessing on its training part only. */
class CrossValidationDataTest {

    private static Map<String, Integer> classCounts(RawTable table, String target, int[] rows) {
        int column = table.columnIndex(target);
        Map<String, Integer> counts = new TreeMap<>();
        Arrays.stream(rows).forEach(row -> counts.merge(table.cell(row, column), 1, Integer::sum));
        return counts;
    }

    private static double mean(RawTable table, int column, int[] rows) {
        return Arrays.stream(rows).mapToDouble(row -> Double.parseDouble(table.cell(row, column))).average()
                .orElseThrow();
    }

    @Test
    void everyUsableRowIsHeldOutExactlyOnceAndNeverTrainedOnInItsOwnFold() {
        RawTable penguins = CsvImporter.read(SharedDatasets.PENGUINS);
        CrossValidationData folds = DataPreparer.prepareFolds(penguins,
                PreprocessingSpec.forTarget("species").withMissingValues(MissingValueRule.DROP_ROW), 4);

        assertThat(folds.foldCount()).isEqualTo(4);
        assertThat(folds.rowCount()).isEqualTo(333);
        List<Integer> heldOut = new ArrayList<>();
        for (int fold = 0; fold < 4; fold++) {
            int[] train = folds.trainingRows(fold);
            int[] held = folds.heldOutRows(fold);
            assertThat(train.length + held.length).isEqualTo(333);
            assertThat(Arrays.stream(train).boxed().toList()).doesNotContainAnyElementsOf(
                    Arrays.stream(held).boxed().toList());
            assertThat(held.length).isBetween(333 / 4, 333 / 4 + 1);
            Arrays.stream(held).forEach(heldOut::add);
        }
        assertThat(heldOut).doesNotHaveDuplicates().hasSize(333);
    }

    @Test
    void stratifiedFoldsKeepTheClassProportionsOfTheWholeTable() {
        // Penguins are unbalanced: 152 Adelie, 68 Chinstrap, 124 Gentoo.
        RawTable penguins = CsvImporter.read(SharedDatasets.PENGUINS);
        int k = 5;
        CrossValidationData folds = DataPreparer.prepareFolds(penguins, PreprocessingSpec.forTarget("species"), k);
        Map<String, Integer> overall = classCounts(penguins, "species",
                IntStream.range(0, penguins.rowCount()).toArray());
        assertThat(overall).containsEntry("Chinstrap", 68);

        for (int fold = 0; fold < k; fold++) {
            Map<String, Integer> heldOut = classCounts(penguins, "species", folds.heldOutRows(fold));
            Map<String, Integer> train = classCounts(penguins, "species", folds.trainingRows(fold));
            overall.forEach((species, count) -> {
                // Each class is dealt round-robin, so every fold holds out its share to within one row.
                assertThat(heldOut.get(species)).isBetween(count / k, count / k + 1);
                assertThat(train.get(species) + heldOut.get(species)).isEqualTo(count);
            });
        }
    }

    @Test
    void regressionFoldsArePlainKFoldOfNearlyEqualSize() {
        RawTable curve = TeachingSet.CURVE.generate(new GeneratorSettings(103, 0.1, 3));
        CrossValidationData folds = DataPreparer.prepareFolds(curve, PreprocessingSpec.forTarget("y"), 5);

        assertThat(folds.task()).isEqualTo(TaskType.REGRESSION);
        assertThat(IntStream.range(0, 5).map(fold -> folds.heldOutRows(fold).length)).containsExactly(21, 21, 21,
                20, 20);
    }

    @Test
    void eachFoldsScalingIsFittedOnItsTrainingRowsAlone() {
        // Squares spread the values, so a fit that also saw the held-out rows would differ clearly.
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new String[] {Integer.toString(i * i), Double.toString(0.5 * i * i + (i % 7)),
                i % 2 == 0 ? "even" : "odd"});
        }
        RawTable table = RawTable.of("squares.csv", List.of("x", "y", "parity"), rows);
        CrossValidationData folds = DataPreparer.prepareFolds(table,
                PreprocessingSpec.forTarget("y").withDroppedColumns(List.of("parity")), 3);
        double allRowsMean = mean(table, 0, IntStream.range(0, 60).toArray());

        for (int fold = 0; fold < 3; fold++) {
            PreparedFold prepared = folds.fold(fold);
            int[] train = folds.trainingRows(fold);
            LinearScaling feature = prepared.preprocessing().features().get(0).scaling();
            assertThat(feature.offset()).isCloseTo(mean(table, 0, train), within(1e-9))
                    .isNotCloseTo(allRowsMean, within(1.0));
            assertThat(prepared.preprocessing().targetScaling().offset()).isCloseTo(mean(table, 1, train),
                    within(1e-9));
            // The held-out rows are transformed with the training statistics, not refitted.
            int firstHeldOut = folds.heldOutRows(fold)[0];
            double raw = Double.parseDouble(table.cell(firstHeldOut, 0));
            assertThat((double) prepared.heldOut().features()[0][0]).isCloseTo(feature.apply(raw), within(1e-5));
            assertThat(prepared.train().size()).isEqualTo(train.length);
        }
    }

    @Test
    void aCategorySeenOnlyInTheHeldOutFoldGetsNoFeatureInThatFold() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String colour = i == 13 ? "violet" : i % 2 == 0 ? "red" : "blue";
            rows.add(new String[] {Integer.toString(i), colour, i % 2 == 0 ? "a" : "b"});
        }
        RawTable table = RawTable.of("colours.csv", List.of("n", "colour", "label"), rows);
        CrossValidationData folds = DataPreparer.prepareFolds(table, PreprocessingSpec.forTarget("label"), 4);

        for (int fold = 0; fold < 4; fold++) {
            boolean violetHeldOut = Arrays.stream(folds.heldOutRows(fold)).anyMatch(row -> row == 13);
            List<String> features = folds.fold(fold).preprocessing().featureNames();
            if (violetHeldOut) {
                assertThat(features).doesNotContain("colour=violet");
            } else {
                assertThat(features).contains("colour=violet");
            }
        }
    }

    @Test
    void foldCountsThatCannotWorkAreRefusedWithWhatToChoose() {
        RawTable iris = CsvImporter.read(SharedDatasets.IRIS);
        PreprocessingSpec species = PreprocessingSpec.forTarget("species");

        assertThatUserInputError(() -> DataPreparer.prepareFolds(iris, species, 1))
                .hasMessageContaining("at least 2 folds");
        assertThatUserInputError(() -> DataPreparer.prepareFolds(iris, species, 51))
                .hasMessageContaining("has 50 rows").hasMessageContaining("at most 50 folds");

        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new String[] {Integer.toString(i), i == 9 ? "rare" : "common"});
        }
        RawTable oneRare = RawTable.of("rare.csv", List.of("n", "label"), rows);
        assertThatUserInputError(() -> DataPreparer.prepareFolds(oneRare, PreprocessingSpec.forTarget("label")
                .withTask(TaskType.CLASSIFICATION), 2)).hasMessageContaining("\"rare\" has 1 row");

        RawTable curve = TeachingSet.CURVE.generate(new GeneratorSettings(10, 0, 1));
        PreprocessingSpec y = PreprocessingSpec.forTarget("y").withTask(TaskType.REGRESSION);
        assertThatUserInputError(() -> DataPreparer.prepareFolds(curve, y, 11))
                .hasMessageContaining("between 2 and the number of samples (10)");
    }
}
