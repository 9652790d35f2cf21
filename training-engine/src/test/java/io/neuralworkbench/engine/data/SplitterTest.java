package io.neuralworkbench.engine.data;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SplitterTest {
    /** 80 samples of class 0, 20 of class 1. */
    private static final int[] IMBALANCED = IntStream.range(0, 100).map(i -> i < 80 ? 0 : 1).toArray();

    @Test
    void trainValidationTestIsAStratifiedPartition() {
        int[][] parts = Splitter.trainValidationTest(IMBALANCED, new SplitFractions(0.6, 0.2, 0.2), 7);

        assertThat(parts[0]).hasSize(60);
        assertThat(parts[1]).hasSize(20);
        assertThat(parts[2]).hasSize(20);
        assertThat(IntStream.of(concat(parts)).sorted().toArray()).isEqualTo(IntStream.range(0, 100).toArray());
        for (int[] part : parts) {
            long minority = Arrays.stream(part).filter(i -> IMBALANCED[i] == 1).count();
            assertThat((double) minority / part.length).isEqualTo(0.2);
        }
    }

    @Test
    void aTinyClassStillGetsATrainingSample() {
        int[] classes = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

        int[][] parts = Splitter.trainValidationTest(classes, new SplitFractions(0.4, 0.3, 0.3), 1);

        assertThat(parts[0]).contains(9);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        int[][] first = Splitter.trainValidationTest(IMBALANCED, SplitFractions.DEFAULT, 3);
        int[][] again = Splitter.trainValidationTest(IMBALANCED, SplitFractions.DEFAULT, 3);
        int[][] other = Splitter.trainValidationTest(IMBALANCED, SplitFractions.DEFAULT, 4);

        assertThat(again).isDeepEqualTo(first);
        assertThat(other[0]).isNotEqualTo(first[0]);
    }

    @Test
    void stratifiedKFoldValidatesEverySampleOnceWithClassShares() {
        List<Fold> folds = Splitter.stratifiedKFold(IMBALANCED, 5, 11);

        assertThat(folds).hasSize(5);
        int[] validated = folds.stream().flatMapToInt(f -> IntStream.of(f.validationIndices())).sorted().toArray();
        assertThat(validated).isEqualTo(IntStream.range(0, 100).toArray());
        for (Fold fold : folds) {
            assertThat(fold.validationIndices()).hasSize(20);
            assertThat(fold.trainIndices()).hasSize(80).doesNotContain(fold.validationIndices());
            assertThat(Arrays.stream(fold.validationIndices()).filter(i -> IMBALANCED[i] == 1).count()).isEqualTo(4);
        }
    }

    @Test
    void kFoldOverADatasetStratifiesByClass() {
        float[][] x = new float[100][1];
        float[][] y = new float[100][];
        for (int i = 0; i < 100; i++) {
            y[i] = IMBALANCED[i] == 0 ? new float[] {1, 0} : new float[] {0, 1};
        }
        ArrayDataset data = new ArrayDataset(x, y, List.of("a", "b"));

        List<Fold> folds = Splitter.kFold(data, 4, 5);

        assertThat(folds).allSatisfy(fold -> assertThat(
                Arrays.stream(fold.validationIndices()).filter(i -> data.classIndex(i) == 1).count()).isEqualTo(5));
    }

    @Test
    void plainKFoldSizesDifferByAtMostOne() {
        List<Fold> folds = Splitter.kFold(10, 3, 0);

        assertThat(folds).extracting(f -> f.validationIndices().length).containsExactlyInAnyOrder(4, 3, 3);
    }

    @Test
    void kOutOfRange() {
        assertThatUserInputError(() -> Splitter.kFold(5, 6, 0))
                .hasMessageStartingWith("k-fold cross-validation needs k between 2 and the number of samples (5),"
                        + " not 6");
    }

    private static int[] concat(int[][] parts) {
        return Arrays.stream(parts).flatMapToInt(IntStream::of).toArray();
    }
}
