package io.neuralworkbench.app.gui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.ModelObserver;
import io.neuralworkbench.engine.training.ModelProbe;

/**
 * The validation split's confusion matrix after every epoch, counted on the training thread between epochs (where
 * the model may be used) from at most {@link #MAX_ROWS} validation samples, so it costs about as much as the
 * validation loss the engine computes anyway.
 */
final class ValidationConfusion implements ModelObserver {
    static final int MAX_ROWS = 2_000;
    private static final int CHUNK = 256;

    /** Counts per actual (row) and predicted (column) class after an epoch. */
    record Matrix(int epoch, List<String> classNames, List<List<Integer>> counts) {
        int total() {
            return counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
        }
    }

    private final SampleSource validation;
    private final Consumer<Matrix> published;

    /** @param published receives each epoch's matrix on the training thread; hand it to the UI from there */
    ValidationConfusion(SampleSource validation, Consumer<Matrix> published) {
        this.validation = validation;
        this.published = published;
    }

    /** Whether a run on these samples has a confusion matrix: classification without masked sequences. */
    static boolean applies(SampleSource validation) {
        return validation.size() > 0 && !validation.classNames().isEmpty()
                && !validation.read(new int[] {0}).hasFeatureMasks();
    }

    @Override
    public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausing) {
        int classes = validation.classNames().size();
        int[][] counts = new int[classes][classes];
        int rows = Math.min(MAX_ROWS, validation.size());
        for (int start = 0; start < rows; start += CHUNK) {
            int[] indices = new int[Math.min(CHUNK, rows - start)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            ArrayDataset chunk = validation.read(indices);
            float[][] outputs = model.predict(chunk.features());
            for (int i = 0; i < indices.length; i++) {
                counts[argMax(chunk.targets()[i])][argMax(outputs[i])]++;
            }
        }
        List<List<Integer>> matrix = new ArrayList<>(classes);
        for (int[] row : counts) {
            matrix.add(java.util.Arrays.stream(row).boxed().toList());
        }
        published.accept(new Matrix(event.epoch(), validation.classNames(), matrix));
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
