package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.SampleSource;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Labelled images converted to feature rows only when a batch asks for them: image files read from disk, or
 * the compact bytes of an IDX file turned into floats. Only the labels (and whatever the reader keeps) stay in
 * memory, so a set larger than the heap trains batch by batch.
 */
final class StreamedImageSource implements SampleSource {
    private final int[] labels;
    private final List<String> classNames;
    private final int featureCount;
    private final IntFunction<float[]> featureReader;
    private final long bytesHeld;

    /**
     * @param featureReader the feature row of sample {@code i}; must be safe to call from another thread
     * @param bytesHeld     what the reader keeps in memory for these samples (e.g. IDX pixel bytes), for the summary
     */
    StreamedImageSource(int[] labels, List<String> classNames, int featureCount, IntFunction<float[]> featureReader,
                        long bytesHeld) {
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.featureCount = featureCount;
        this.featureReader = featureReader;
        this.bytesHeld = bytesHeld;
    }

    int classIndex(int sample) {
        return labels[sample];
    }

    long bytesHeld() {
        return bytesHeld + 4L * labels.length;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public int targetCount() {
        return classNames.size();
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public ArrayDataset read(int[] indices) {
        float[][] features = new float[indices.length][];
        float[][] targets = new float[indices.length][classNames.size()];
        for (int i = 0; i < indices.length; i++) {
            features[i] = featureReader.apply(indices[i]);
            targets[i][labels[indices[i]]] = 1f;
        }
        return new ArrayDataset(features, targets, classNames);
    }
}
