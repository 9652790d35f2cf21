package io.neuralworkbench.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * Samples ready for training, in memory, independent of any backend: one row of {@code features} per sample
 * and the matching row of {@code targets}. For classification the targets are one-hot rows over
 * {@code classNames}; for regression they are the (scaled) target values and {@code classNames} is empty.
 * Padded sequences (text) also carry a {@code featureMasks} row per sample: 1 for a real time step, 0 for
 * padding; other data has none. The arrays are not copied; treat them as read-only.
 */
public final class ArrayDataset implements SampleSource {
    private final float[][] features;
    private final float[][] targets;
    private final float[][] featureMasks;
    private final List<String> classNames;

    public ArrayDataset(float[][] features, float[][] targets, List<String> classNames) {
        this(features, targets, null, classNames);
    }

    /** @param featureMasks one mask row per sample (1 = real step, 0 = padding), or null for unmasked data */
    public ArrayDataset(float[][] features, float[][] targets, float[][] featureMasks, List<String> classNames) {
        this.features = Objects.requireNonNull(features, "features");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.featureMasks = featureMasks;
        this.classNames = List.copyOf(classNames);
        if (features.length != targets.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + targets.length + " target rows");
        }
        if (featureMasks != null && featureMasks.length != features.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + featureMasks.length + " mask rows");
        }
    }

    public float[][] features() {
        return features;
    }

    public float[][] targets() {
        return targets;
    }

    /** The padding masks, one row per sample, or null when the data is not padded. */
    public float[][] featureMasks() {
        return featureMasks;
    }

    public boolean hasFeatureMasks() {
        return featureMasks != null;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    @Override
    public int size() {
        return features.length;
    }

    @Override
    public int featureCount() {
        return features.length == 0 ? 0 : features[0].length;
    }

    @Override
    public int targetCount() {
        return targets.length == 0 ? 0 : targets[0].length;
    }

    /** The class index of sample {@code i} (the position of the largest target value). */
    public int classIndex(int i) {
        return argMax(targets[i]);
    }

    /** The position of the largest value: the class a row of targets or of class probabilities points to. */
    public static int argMax(float[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The samples at the given indices, in that order. */
    public ArrayDataset subset(int[] indices) {
        float[][] x = new float[indices.length][];
        float[][] y = new float[indices.length][];
        float[][] m = featureMasks == null ? null : new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = targets[indices[i]];
            if (m != null) {
                m[i] = featureMasks[indices[i]];
            }
        }
        return new ArrayDataset(x, y, m, classNames);
    }

    /** In memory already: reading is {@link #subset}. */
    @Override
    public ArrayDataset read(int[] indices) {
        return subset(indices);
    }
}
