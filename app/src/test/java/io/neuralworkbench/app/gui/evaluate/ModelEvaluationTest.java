package io.neuralworkbench.app.gui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluating and predicting with a real iris bundle, headless. */
@Tag("slow")
class ModelEvaluationTest {
    private static IrisBundles.Trained iris;
    private static ModelBundle bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainIris() throws Exception {
        iris = IrisBundles.irisBundle();
        bundle = ModelBundle.read(iris.file());
    }

    @AfterAll
    static void close() {
        bundle.close();
    }

    @Test
    void theTrainingFileGivesItsTestSplitWithTheEnginesMetrics() {
        EvaluationResult result = ModelEvaluation.evaluate(bundle, IrisBundles.IRIS, null);

        assertThat(result.description()).isEqualTo("the test split of iris.csv (" + iris.testMetrics().samples()
                + " rows)");
        assertThat(result.report()).isEqualTo(iris.testMetrics());
        assertThat(result.notes()).isEmpty();
        assertThat(result.samples()).allSatisfy(sample -> assertThat(sample.probabilities().stream()
                .mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-4)));
        assertThat(result.samples().get(0).text()).startsWith("sepal_length ").contains("species ");
    }

    @Test
    void anotherLabelledFileIsEvaluatedWhole() throws Exception {
        List<String> lines = Files.readAllLines(IrisBundles.IRIS);
        Path some = dir.resolve("some-flowers.csv");
        Files.write(some, lines.subList(0, 31));

        EvaluationResult result = ModelEvaluation.evaluate(bundle, some, null);

        assertThat(result.description()).isEqualTo("all 30 labelled rows of some-flowers.csv");
        assertThat(result.report().samples()).isEqualTo(30);
        assertThat(result.samples().get(0).id()).isEqualTo("line 2");
    }

    @Test
    void aFileWithoutTheTargetSaysWhichColumnIsMissing() throws Exception {
        Path unlabelled = dir.resolve("unlabelled.csv");
        Files.writeString(unlabelled, "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n");

        assertThatThrownBy(() -> ModelEvaluation.evaluate(bundle, unlabelled, null))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("unlabelled.csv has no column \"species\"")
                .hasMessageContaining("choose labelled data");
    }

    @Test
    void aTypedRowGivesRankedProbabilitiesAndABadValueSaysWhere() {
        TryItPrediction prediction = TryItPrediction.ofRow(bundle, Map.of("sepal_length", "5.0",
                "sepal_width", "3.4", "petal_length", "1.5", "petal_width", "0.2"));

        assertThat(prediction.predicted()).isEqualTo("setosa");
        assertThat(prediction.probabilities()).hasSize(3);
        assertThat(prediction.probabilities().get(0).className()).isEqualTo("setosa");
        assertThat(prediction.probabilities().get(0).probability())
                .isGreaterThanOrEqualTo(prediction.probabilities().get(1).probability());
        assertThat(prediction.probabilities().stream().mapToDouble(TryItPrediction.ClassProbability::probability)
                .sum()).isCloseTo(1.0, within(1e-4));
        assertThatThrownBy(() -> TryItPrediction.ofRow(bundle, Map.of("sepal_length", "long")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("sepal_length");
        assertThatThrownBy(() -> TryItPrediction.ofText(bundle, "a flower"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("not on texts");
    }

    @Test
    void crossValidationUsesOnlyTheModelsInputColumns() throws Exception {
        Path withId = dir.resolve("iris-with-id.csv");
        List<String> lines = Files.readAllLines(IrisBundles.IRIS);
        StringBuilder text = new StringBuilder("id," + lines.get(0) + "\n");
        for (int i = 1; i < lines.size(); i++) {
            text.append(i).append(',').append(lines.get(i)).append('\n');
        }
        Files.writeString(withId, text);
        RawTable table = CsvImporter.read(withId);

        PreprocessingSpec spec = EvaluateViewModel.specLike((FittedPreprocessing) bundle.preprocessing(), table,
                bundle);

        assertThat(spec.targetColumn()).isEqualTo("species");
        assertThat(spec.droppedColumns()).containsExactly("id");
        assertThat(spec.seed()).isEqualTo(bundle.provenance().seed());
    }
}
