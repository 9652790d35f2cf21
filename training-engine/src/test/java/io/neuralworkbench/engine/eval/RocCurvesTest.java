package io.neuralworkbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurvesTest {
    // scikit-learn's documentation example: roc_auc_score = 0.75, average_precision_score = 0.8333…
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};
    private static final boolean[] LABELS = {false, false, true, true};

    @Test
    void rocOfTheHandComputedCase() {
        RocCurves.RocCurve roc = RocCurves.roc(SCORES, LABELS);

        // Descending scores 0.8 (+), 0.4 (-), 0.35 (+), 0.1 (-).
        assertThat(roc.falsePositiveRates()).containsExactly(0, 0, 0.5, 0.5, 1);
        assertThat(roc.truePositiveRates()).containsExactly(0, 0.5, 0.5, 1, 1);
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1);
        assertThat(roc.auc()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void precisionRecallOfTheHandComputedCase() {
        RocCurves.PrecisionRecallCurve pr = RocCurves.precisionRecall(SCORES, LABELS);

        assertThat(pr.recalls()).containsExactly(0, 0.5, 0.5, 1, 1);
        assertThat(pr.precisions()).containsExactly(new double[] {1, 1, 0.5, 2 / 3.0, 0.5}, within(1e-12));
        // 0.5 × 1 + 0 × 0.5 + 0.5 × 2/3 + 0 × 0.5
        assertThat(pr.averagePrecision()).isCloseTo(5 / 6.0, within(1e-12));
    }

    @Test
    void aucEqualsTheShareOfPositiveNegativePairsRankedRightWithTiesCountingHalf() {
        Random random = new Random(7);
        int n = 400;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.3;
            // Rounded so that ties occur; positives score higher on average.
            scores[i] = Math.round((random.nextGaussian() + (positive[i] ? 1 : 0)) * 4) / 4.0;
        }
        double wins = 0;
        long pairs = 0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                if (positive[p] && !positive[q]) {
                    pairs++;
                    wins += scores[p] > scores[q] ? 1 : scores[p] == scores[q] ? 0.5 : 0;
                }
            }
        }

        assertThat(RocCurves.roc(scores, positive).auc()).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void perfectRandomAndReversedRankings() {
        boolean[] labels = {false, false, true, true};
        assertThat(RocCurves.roc(new double[] {0.1, 0.2, 0.8, 0.9}, labels).auc()).isEqualTo(1.0);
        assertThat(RocCurves.roc(new double[] {0.9, 0.8, 0.2, 0.1}, labels).auc()).isEqualTo(0.0);
        RocCurves.RocCurve allTied = RocCurves.roc(new double[] {0.5, 0.5, 0.5, 0.5}, labels);
        assertThat(allTied.auc()).isEqualTo(0.5);
        assertThat(allTied.falsePositiveRates()).containsExactly(0, 1);
        assertThat(RocCurves.precisionRecall(new double[] {0.1, 0.2, 0.8, 0.9}, labels).averagePrecision())
                .isEqualTo(1.0);
    }

    @Test
    void oneVsRestGivesEveryClassItsCurvesAndLeavesAbsentClassesUndefined() {
        float[][] probabilities = {
            {0.8f, 0.1f, 0.1f, 0f}, {0.6f, 0.3f, 0.1f, 0f}, {0.2f, 0.7f, 0.1f, 0f},
            {0.3f, 0.4f, 0.3f, 0f}, {0.1f, 0.2f, 0.7f, 0f}, {0.4f, 0.1f, 0.5f, 0f}};
        int[] actual = {0, 0, 1, 1, 2, 2};

        List<RocCurves.ClassCurves> curves =
                RocCurves.oneVsRest(probabilities, actual, List.of("a", "b", "c", "never seen"));

        assertThat(curves).extracting(RocCurves.ClassCurves::className).containsExactly("a", "b", "c", "never seen");
        assertThat(curves.get(0).roc().auc()).isEqualTo(1.0);
        assertThat(curves.get(0).positives()).isEqualTo(2);
        assertThat(curves.get(0).negatives()).isEqualTo(4);
        // Class b: positives score 0.7 and 0.4; negatives 0.1, 0.3, 0.2, 0.1 → every pair ranked right.
        assertThat(curves.get(1).roc().auc()).isEqualTo(1.0);
        // Class c: positives 0.7, 0.5; negatives 0.1, 0.1, 0.1, 0.3 → perfect as well.
        assertThat(curves.get(2).precisionRecall().averagePrecision()).isEqualTo(1.0);
        assertThat(curves.get(3).defined()).isFalse();
    }

    @Test
    void explainsUnusableInput() {
        assertThatThrownBy(() -> RocCurves.roc(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .hasMessageContaining("needs positive and negative samples");
        assertThatThrownBy(() -> RocCurves.roc(new double[] {Double.NaN, 0.2}, new boolean[] {true, false}))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> RocCurves.oneVsRest(new float[][] {{1, 0}}, new int[] {0}, List.of("a", "b", "c")))
                .hasMessageContaining("expected one per class (3)");
    }
}
