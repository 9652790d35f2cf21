package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Loss weights per class that make a rare class count as much as a common one in training (for
 * {@code TrainingConfig.withClassWeights}).
 */
public final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * scikit-learn's "balanced" weights, n_samples / (n_classes × count): 1 for every class when they are
     * equally common, above 1 for rarer classes. A class without samples gets weight 1, as there is nothing
     * to balance.
     */
    public static List<Double> balanced(int[] classCounts) {
        long total = 0;
        for (int count : classCounts) {
            total += count;
        }
        List<Double> weights = new ArrayList<>(classCounts.length);
        for (int count : classCounts) {
            weights.add(count == 0 ? 1.0 : (double) total / ((double) classCounts.length * count));
        }
        return weights;
    }

    /** Balanced weights from the samples of a classification dataset (its training split). */
    public static List<Double> balanced(ArrayDataset data) {
        return balanced(classCounts(data));
    }

    /** How many samples of each class a classification dataset holds, in class order. */
    public static int[] classCounts(ArrayDataset data) {
        int[] counts = new int[data.classNames().size()];
        for (int i = 0; i < data.size(); i++) {
            counts[data.classIndex(i)]++;
        }
        return counts;
    }
}
