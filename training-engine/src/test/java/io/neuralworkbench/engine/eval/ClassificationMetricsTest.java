package io.neuralworkbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    private static final Offset<Double> EXACT = within(1e-12);

    /*
     * Worked by hand (scikit-learn's classification_report gives the same numbers):
     *
     *                 predicted cat  dog  bird   support
     *   actual cat              2    1    1      4
     *   actual dog              1    2    0      3
     *   actual bird             0    1    2      3
     *   predicted count         3    4    3
     *
     *   accuracy   = (2+2+2)/10 = 0.6
     *   precision  cat 2/3, dog 2/4, bird 2/3
     *   recall     cat 2/4, dog 2/3, bird 2/3
     *   f1         cat 2*(2/3*1/2)/(2/3+1/2) = 4/7, dog 4/7, bird 2/3
     *   macro      precision = recall = (2/3+1/2+2/3)/3 = 11/18, f1 = (4/7+4/7+2/3)/3 = 38/63
     *   weighted   precision = (4*2/3 + 3*1/2 + 3*2/3)/10 = 37/60, recall = 0.6, f1 = (4*4/7+3*4/7+3*2/3)/10 = 0.6
     */
    private static final List<String> ANIMALS = List.of("cat", "dog", "bird");
    private static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};

    @Test
    void matchesTheHandComputedThreeClassExample() {
        ClassificationMetrics metrics = ClassificationMetrics.compute(ACTUAL, PREDICTED, ANIMALS);

        assertThat(metrics.accuracy()).isCloseTo(0.6, EXACT);
        assertThat(metrics.confusionMatrix()).containsExactly(List.of(2, 1, 1), List.of(1, 2, 0), List.of(0, 1, 2));

        assertThat(metrics.perClass()).extracting(ClassMetrics::className).containsExactly("cat", "dog", "bird");
        assertThat(metrics.perClass()).extracting(ClassMetrics::support).containsExactly(4, 3, 3);
        assertClass(metrics.perClass().get(0), 2.0 / 3, 0.5, 4.0 / 7);
        assertClass(metrics.perClass().get(1), 0.5, 2.0 / 3, 4.0 / 7);
        assertClass(metrics.perClass().get(2), 2.0 / 3, 2.0 / 3, 2.0 / 3);

        assertAverage(metrics.macroAverage(), 11.0 / 18, 11.0 / 18, 38.0 / 63);
        assertAverage(metrics.weightedAverage(), 37.0 / 60, 0.6, 0.6);
    }

    @Test
    void classesNeverPredictedOrNeverPresentScoreZeroInsteadOfNaN() {
        // "bird" occurs but is never predicted; "fish" neither occurs nor is predicted.
        ClassificationMetrics metrics = ClassificationMetrics.compute(
                new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 1}, List.of("cat", "dog", "bird", "fish"));

        assertClass(metrics.perClass().get(1), 1.0 / 3, 1.0, 0.5);
        assertClass(metrics.perClass().get(2), 0, 0, 0);
        assertClass(metrics.perClass().get(3), 0, 0, 0);
        assertThat(metrics.perClass().get(3).support()).isZero();
        // Macro averages count all four classes: precision (1 + 1/3 + 0 + 0)/4 = 1/3.
        assertThat(metrics.macroAverage().precision()).isCloseTo(1.0 / 3, EXACT);
        assertThat(metrics.toMap().values()).allMatch(Double::isFinite);
    }

    @Test
    void toMapUsesTheCommandLineMetricNames() {
        ClassificationMetrics metrics = ClassificationMetrics.compute(ACTUAL, PREDICTED, ANIMALS);

        assertThat(metrics.toMap()).containsExactly(
                entry("accuracy", metrics.accuracy()),
                entry("macro_f1", metrics.macroAverage().f1()),
                entry("weighted_f1", metrics.weightedAverage().f1()),
                entry("macro_precision", metrics.macroAverage().precision()),
                entry("macro_recall", metrics.macroAverage().recall()));
    }

    @Test
    void survivesAJsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ClassificationMetrics metrics = ClassificationMetrics.compute(ACTUAL, PREDICTED, ANIMALS);

        String json = mapper.writeValueAsString(metrics);

        assertThat(mapper.readValue(json, ClassificationMetrics.class)).isEqualTo(metrics);
    }

    @Test
    void isUnaffectedByChangesToTheListsItWasBuiltFrom() {
        List<Integer> row = new ArrayList<>(List.of(1));
        List<List<Integer>> matrix = new ArrayList<>(List.of(row));
        ClassificationMetrics metrics = new ClassificationMetrics(List.of("only"), 1, List.of(),
                new AveragedMetrics(1, 1, 1), new AveragedMetrics(1, 1, 1), matrix);

        row.set(0, 99);
        matrix.add(List.of());

        assertThat(metrics.confusionMatrix()).containsExactly(List.of(1));
    }

    @Test
    void rejectsMismatchedOrOutOfRangeLabels() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClassificationMetrics.compute(new int[] {0, 1}, new int[] {0}, ANIMALS))
                .withMessageContaining("2 actual labels but 1 predictions");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClassificationMetrics.compute(new int[] {0, 3}, new int[] {0, 1}, ANIMALS))
                .withMessageContaining("sample 1 has class index 3, expected 0..2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClassificationMetrics.compute(new int[0], new int[0], ANIMALS))
                .withMessageContaining("no samples");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClassificationMetrics.compute(new int[] {0}, new int[] {0}, List.of()))
                .withMessageContaining("no class names");
    }

    private static void assertClass(ClassMetrics metrics, double precision, double recall, double f1) {
        assertThat(metrics.precision()).as("%s precision", metrics.className()).isCloseTo(precision, EXACT);
        assertThat(metrics.recall()).as("%s recall", metrics.className()).isCloseTo(recall, EXACT);
        assertThat(metrics.f1()).as("%s f1", metrics.className()).isCloseTo(f1, EXACT);
    }

    private static void assertAverage(AveragedMetrics average, double precision, double recall, double f1) {
        assertThat(average.precision()).isCloseTo(precision, EXACT);
        assertThat(average.recall()).isCloseTo(recall, EXACT);
        assertThat(average.f1()).isCloseTo(f1, EXACT);
    }
}
