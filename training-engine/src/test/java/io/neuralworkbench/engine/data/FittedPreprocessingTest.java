package io.neuralworkbench.engine.data;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class FittedPreprocessingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final RawTable penguins = CsvImporter.read(SharedDatasets.PENGUINS);

    @Test
    void specSurvivesJson() throws IOException {
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species")
                .withTask(TaskType.CLASSIFICATION)
                .withDroppedColumns(List.of("island"))
                .withColumnType("flipper_length_mm", ColumnType.CATEGORICAL)
                .withMissingValues(MissingValueRule.MEDIAN)
                .withMissingValues("sex", MissingValueRule.constant("unknown"))
                .withScaling(Scaling.MIN_MAX)
                .withSplit(new SplitFractions(0.8, 0.1, 0.1), 99);

        String json = JSON.writeValueAsString(spec);

        assertThat(JSON.readValue(json, PreprocessingSpec.class)).isEqualTo(spec);
    }

    @Test
    void specWrittenBeforeOptionsExistedGetsTheDefaults() throws IOException {
        PreprocessingSpec spec = JSON.readValue("{\"targetColumn\":\"species\",\"seed\":42}", PreprocessingSpec.class);

        assertThat(spec).isEqualTo(PreprocessingSpec.forTarget("species"));
    }

    @Test
    void fittedPreprocessingSurvivesJsonAndStillTransforms() throws IOException {
        PreparedData prepared = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("species"));

        String json = JSON.writeValueAsString(prepared.preprocessing());
        FittedPreprocessing restored = JSON.readValue(json, FittedPreprocessing.class);

        assertThat(restored).isEqualTo(prepared.preprocessing());
        assertThat(restored.transformFeatures(penguins.rows(prepared.sourceRows(Split.TEST))))
                .isDeepEqualTo(prepared.test().features());
    }

    @Test
    void regressionPreprocessingSurvivesJson() throws IOException {
        FittedPreprocessing fitted = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("body_mass_g"))
                .preprocessing();

        FittedPreprocessing restored = JSON.readValue(JSON.writeValueAsString(fitted), FittedPreprocessing.class);

        assertThat(fitted.task()).isEqualTo(TaskType.REGRESSION);
        assertThat(restored).isEqualTo(fitted);
        assertThat(restored.toTargetUnits(0)).isEqualTo(fitted.targetScaling().offset());
    }

    @Test
    void predictionTimeTransformsEqualTheTrainingTimeOnes() {
        PreparedData prepared = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("species"));
        FittedPreprocessing fitted = prepared.preprocessing();
        int[] testRows = prepared.sourceRows(Split.TEST);
        RawTable testTable = penguins.rows(testRows);

        ArrayDataset labelled = fitted.transform(testTable);
        assertThat(labelled.features()).isDeepEqualTo(prepared.test().features());
        assertThat(labelled.targets()).isDeepEqualTo(prepared.test().targets());
        for (int i = 0; i < testRows.length; i++) {
            assertThat(fitted.transformRow(rowAsMap(penguins, testRows[i]))).isEqualTo(prepared.test().features()[i]);
        }
    }

    @Test
    void predictionDoesNotNeedTheTargetColumn() throws IOException {
        FittedPreprocessing fitted = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("species"))
                .preprocessing();
        Path unlabelled = Files.writeString(dir.resolve("new.csv"),
                "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\n"
                        + "Dream,40.1,18.0,190,3600,MALE\n");

        float[][] x = fitted.transformFeatures(CsvImporter.read(unlabelled));

        assertThat(x).hasDimensions(1, 9);
        assertThat(x[0]).startsWith(0f, 1f, 0f);
    }

    @Test
    void missingValuesAreFilledWithTrainingStatisticsEvenAfterDropRow() {
        FittedPreprocessing fitted = DataPreparer.prepare(penguins,
                PreprocessingSpec.forTarget("species").withMissingValues(MissingValueRule.DROP_ROW)).preprocessing();
        Map<String, String> row = new HashMap<>(Map.of("island", "Dream", "bill_depth_mm", "18",
                "flipper_length_mm", "190", "body_mass_g", "3600", "sex", " "));

        float[] x = fitted.transformRow(row);

        // The training mean, standardized, is 0; the most frequent sex in training is one-hot.
        assertThat(x[3]).isCloseTo(0f, within(1e-6f));
        assertThat(x[7] + x[8]).isEqualTo(1f);
    }

    @Test
    void unseenCategoryIsAllZeros() {
        FittedPreprocessing fitted = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("species"))
                .preprocessing();

        float[] x = fitted.transformRow(Map.of("island", "Atlantis", "sex", "MALE"));

        assertThat(x).startsWith(0f, 0f, 0f).endsWith(0f, 1f);
    }

    @Test
    void wordInANumericColumnAtPredictionTime() {
        FittedPreprocessing fitted = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("species"))
                .preprocessing();

        assertThatUserInputError(() -> fitted.transformRow(Map.of("body_mass_g", "heavy")))
                .hasMessageStartingWith("the input, column \"body_mass_g\": \"heavy\" is not a number");
    }

    @Test
    void predictionFileWithoutAFeatureColumn() throws IOException {
        FittedPreprocessing fitted = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("species"))
                .preprocessing();
        RawTable table = CsvImporter.read(Files.writeString(dir.resolve("new.csv"), "island,sex\nDream,MALE\n"));

        assertThatUserInputError(() -> fitted.transformFeatures(table))
                .hasMessageStartingWith("new.csv has no column \"bill_length_mm\", which the model was trained with");
    }

    @Test
    void labelledFileWithAClassTheModelNeverSaw() throws IOException {
        FittedPreprocessing fitted = DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("species"))
                .preprocessing();
        RawTable table = CsvImporter.read(Files.writeString(dir.resolve("eval.csv"),
                "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\n"
                        + "Emperor,Dream,40.1,18.0,190,3600,MALE\n"));

        assertThatUserInputError(() -> fitted.transform(table))
                .hasMessageStartingWith("eval.csv line 2, column \"species\": the class \"Emperor\" was not in the"
                        + " training data");
    }

    private static Map<String, String> rowAsMap(RawTable table, int row) {
        Map<String, String> values = new HashMap<>();
        for (int column = 0; column < table.columnCount(); column++) {
            values.put(table.columnNames().get(column), table.cell(row, column));
        }
        return values;
    }
}
