package io.neuralworkbench.engine.data;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPreparerTest {
    @TempDir
    Path dir;

    @Test
    void irisHasFourFeaturesThreeClassesAndStratifiedSplits() {
        PreparedData iris = DataPreparer.prepare(CsvImporter.read(SharedDatasets.IRIS),
                PreprocessingSpec.forTarget("species"));

        FittedPreprocessing fitted = iris.preprocessing();
        assertThat(fitted.task()).isEqualTo(TaskType.CLASSIFICATION);
        assertThat(fitted.featureNames())
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(fitted.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.train().size() + iris.validation().size() + iris.test().size()).isEqualTo(150);
        for (Split split : Split.values()) {
            ArrayDataset data = iris.dataset(split);
            assertThat(data.featureCount()).isEqualTo(4);
            assertThat(data.targetCount()).isEqualTo(3);
            assertThat(classCounts(data)).containsOnly(data.size() / 3);
        }
    }

    @Test
    void penguinsOneHotEncodeIslandAndSex() {
        PreparedData penguins = DataPreparer.prepare(CsvImporter.read(SharedDatasets.PENGUINS),
                PreprocessingSpec.forTarget("species"));

        assertThat(penguins.preprocessing().featureNames()).containsExactly("island=Biscoe", "island=Dream",
                "island=Torgersen", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g",
                "sex=FEMALE", "sex=MALE");
        assertThat(penguins.train().featureCount()).isEqualTo(9);
        assertThat(penguins.preprocessing().classNames()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(penguins.train().size() + penguins.validation().size() + penguins.test().size())
                .isEqualTo(344);
    }

    @Test
    void dropRowLeavesOutRowsWithMissingValuesAndSaysSo() {
        PreparedData penguins = DataPreparer.prepare(CsvImporter.read(SharedDatasets.PENGUINS),
                PreprocessingSpec.forTarget("species").withMissingValues(MissingValueRule.DROP_ROW));

        assertThat(penguins.train().size() + penguins.validation().size() + penguins.test().size())
                .isEqualTo(333);
        assertThat(penguins.notes()).anySatisfy(note -> assertThat(note).startsWith("11 rows with missing values"));
    }

    @Test
    void titanicWithoutTheLeakingColumnKeepsTheSurvivalRateInEverySplit() {
        RawTable table = CsvImporter.read(SharedDatasets.TITANIC);
        PreparedData titanic = DataPreparer.prepare(table,
                PreprocessingSpec.forTarget("survived").withDroppedColumns(List.of("alive")));

        FittedPreprocessing fitted = titanic.preprocessing();
        assertThat(fitted.classNames()).containsExactly("0", "1");
        assertThat(fitted.featureNames()).contains("adult_male", "alone", "sex=female", "embarked=S", "deck=A")
                .noneMatch(name -> name.startsWith("alive"));
        assertThat(fitted.featureCount()).isEqualTo(28);
        assertThat(titanic.notes()).noneMatch(note -> note.contains("determines"));
        double overall = 342.0 / 891;
        for (Split split : Split.values()) {
            ArrayDataset data = titanic.dataset(split);
            assertThat((double) classCounts(data)[1] / data.size()).isCloseTo(overall, within(0.01));
        }
    }

    @Test
    void aColumnThatGivesAwayTheLabelIsPointedOut() {
        PreparedData titanic = DataPreparer.prepare(CsvImporter.read(SharedDatasets.TITANIC),
                PreprocessingSpec.forTarget("survived"));

        assertThat(titanic.notes()).containsExactly("column \"alive\" alone determines the target \"survived\" — if"
                + " it is only known after the outcome, drop it");
    }

    @Test
    void diamondsPriceIsAStandardizedRegressionTarget() {
        RawTable table = CsvImporter.read(SharedDatasets.DIAMONDS);
        PreparedData diamonds = DataPreparer.prepare(table, PreprocessingSpec.forTarget("price"));

        FittedPreprocessing fitted = diamonds.preprocessing();
        assertThat(fitted.task()).isEqualTo(TaskType.REGRESSION);
        assertThat(fitted.classNames()).isEmpty();
        assertThat(fitted.featureCount()).isEqualTo(6 + 5 + 7 + 8);
        double[] trainTargets = Arrays.stream(diamonds.train().targets()).mapToDouble(t -> t[0]).toArray();
        assertThat(Stats.mean(trainTargets)).isCloseTo(0, within(1e-3));
        assertThat(Stats.std(trainTargets)).isCloseTo(1, within(1e-3));
        int firstTestRow = diamonds.sourceRows(Split.TEST)[0];
        double price = Double.parseDouble(table.cell(firstTestRow, table.columnIndex("price")));
        assertThat(fitted.toTargetUnits(diamonds.test().targets()[0][0])).isCloseTo(price, within(0.01));
    }

    @Test
    void statisticsComeFromTheTrainingSplitOnly() {
        RawTable table = CsvImporter.read(SharedDatasets.IRIS);
        PreparedData iris = DataPreparer.prepare(table, PreprocessingSpec.forTarget("species"));

        int column = table.columnIndex("sepal_length");
        double trainMean = Arrays.stream(iris.sourceRows(Split.TRAIN))
                .mapToDouble(row -> Double.parseDouble(table.cell(row, column))).average().orElseThrow();
        double allRowsMean = ColumnProfiler.profile(table).get(column).mean();
        LinearScaling scaling = iris.preprocessing().features().get(0).scaling();
        assertThat(scaling.offset()).isCloseTo(trainMean, within(1e-9)).isNotCloseTo(allRowsMean, within(1e-6));
        double[] trainColumn = Arrays.stream(iris.train().features()).mapToDouble(x -> x[0]).toArray();
        assertThat(Stats.mean(trainColumn)).isCloseTo(0, within(1e-5));
    }

    @Test
    void sameSeedGivesTheSameDataOtherSeedsDiffer() {
        RawTable table = CsvImporter.read(SharedDatasets.PENGUINS);
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species");

        PreparedData first = DataPreparer.prepare(table, spec);
        PreparedData again = DataPreparer.prepare(table, spec);
        PreparedData other = DataPreparer.prepare(table, spec.withSplit(SplitFractions.DEFAULT, 7));

        assertThat(again.sourceRows(Split.TRAIN)).isEqualTo(first.sourceRows(Split.TRAIN));
        assertThat(again.train().features()).isDeepEqualTo(first.train().features());
        assertThat(again.preprocessing()).isEqualTo(first.preprocessing());
        assertThat(other.sourceRows(Split.TRAIN)).isNotEqualTo(first.sourceRows(Split.TRAIN));
    }

    @Test
    void lineNumbersPointAtTheRowsInTheFile() {
        RawTable table = CsvImporter.read(SharedDatasets.IRIS);
        PreparedData iris = DataPreparer.prepare(table, PreprocessingSpec.forTarget("species"));

        int[] rows = iris.sourceRows(Split.VALIDATION);
        int[] lines = iris.lineNumbers(Split.VALIDATION);
        assertThat(lines).hasSameSizeAs(rows);
        for (int i = 0; i < rows.length; i++) {
            assertThat(lines[i]).isEqualTo(rows[i] + 2);
        }
    }

    @Test
    void smsSpamHasOnlyTextBesidesItsLabel() {
        RawTable sms = CsvImporter.read(SharedDatasets.SMS_SPAM);

        assertThatUserInputError(() -> DataPreparer.prepare(sms, PreprocessingSpec.forTarget("Label")))
                .hasMessageStartingWith("no feature columns are left in sms-spam.tsv (column \"SMS\" holds free"
                        + " text and is left out of the features; text models come later)");
    }

    @Test
    void targetWithOneClass() throws IOException {
        RawTable table = table("x,label\n1,a\n2,a\n3,\n");

        assertThatUserInputError(() -> DataPreparer.prepare(table, PreprocessingSpec.forTarget("label")))
                .hasMessageStartingWith("the target \"label\" has only one class (\"a\") in data.csv");
    }

    @Test
    void unknownTargetAndDroppedColumnsSuggestNames() {
        RawTable penguins = CsvImporter.read(SharedDatasets.PENGUINS);

        assertThatUserInputError(() -> DataPreparer.prepare(penguins, PreprocessingSpec.forTarget("Species")))
                .hasMessageStartingWith("penguins.csv has no column \"Species\" — did you mean \"species\"?");
        assertThatUserInputError(() -> DataPreparer.prepare(penguins,
                PreprocessingSpec.forTarget("species").withDroppedColumns(List.of("weight"))))
                .hasMessageStartingWith("penguins.csv has no column \"weight\" — choose one of: species, island");
    }

    @Test
    void noRowsLeftAfterDroppingMissingValues() throws IOException {
        RawTable table = table("x,y,label\n1,,a\n,2,b\n3,,a\n");
        PreprocessingSpec spec = PreprocessingSpec.forTarget("label").withMissingValues(MissingValueRule.DROP_ROW);

        assertThatUserInputError(() -> DataPreparer.prepare(table, spec))
                .hasMessageStartingWith("no rows are left in data.csv after leaving out rows with missing values in"
                        + " \"x\", \"y\"");
    }

    @Test
    void textInAColumnForcedNumeric() throws IOException {
        RawTable table = table("age,label\n1,a\n2,b\n3,a\nabc,b\n");
        PreprocessingSpec spec = PreprocessingSpec.forTarget("label").withColumnType("age", ColumnType.NUMERIC);

        assertThatUserInputError(() -> DataPreparer.prepare(table, spec))
                .hasMessageStartingWith("data.csv line 5, column \"age\": \"abc\" is not a number");
    }

    @Test
    void regressionOnACategoricalTarget() {
        RawTable iris = CsvImporter.read(SharedDatasets.IRIS);
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species").withTask(TaskType.REGRESSION);

        assertThatUserInputError(() -> DataPreparer.prepare(iris, spec))
                .hasMessageStartingWith("the target \"species\" is CATEGORICAL, not numbers");
    }

    @Test
    void droppingTheTarget() {
        RawTable iris = CsvImporter.read(SharedDatasets.IRIS);
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species").withDroppedColumns(List.of("species"));

        assertThatUserInputError(() -> DataPreparer.prepare(iris, spec))
                .hasMessageStartingWith("the target \"species\" is also among the dropped columns");
    }

    @Test
    void constantFillMustFitANumericColumn() {
        RawTable penguins = CsvImporter.read(SharedDatasets.PENGUINS);
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species")
                .withMissingValues("body_mass_g", MissingValueRule.constant("heavy"));

        assertThatUserInputError(() -> DataPreparer.prepare(penguins, spec))
                .hasMessageStartingWith("the missing-value constant \"heavy\" for column \"body_mass_g\" is not a"
                        + " number");
    }

    @Test
    void constantFillOfACategoricalColumnIsACategoryOfItsOwn() {
        RawTable penguins = CsvImporter.read(SharedDatasets.PENGUINS);
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species")
                .withMissingValues("sex", MissingValueRule.constant("unknown"))
                .withScaling(Scaling.MIN_MAX);

        FittedPreprocessing fitted = DataPreparer.prepare(penguins, spec).preprocessing();

        assertThat(fitted.featureNames()).contains("sex=FEMALE", "sex=MALE", "sex=unknown");
        FittedColumn bodyMass = fitted.features().get(fitted.features().size() - 2);
        assertThat(bodyMass.scaling().scale()).isGreaterThan(1000);
    }

    private RawTable table(String csv) throws IOException {
        return CsvImporter.read(Files.writeString(dir.resolve("data.csv"), csv));
    }

    private static int[] classCounts(ArrayDataset data) {
        int[] counts = new int[data.targetCount()];
        for (int i = 0; i < data.size(); i++) {
            counts[data.classIndex(i)]++;
        }
        return counts;
    }
}
