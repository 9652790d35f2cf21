package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.SampleSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A model's outputs for samples of any source: uploaded once when the source is in memory, else read, uploaded
 * and predicted chunk by chunk with the next chunk prefetched, so a set larger than memory can be scored.
 */
public final class SourceInference {
    /** Rows read and uploaded at a time from a streamed source. */
    static final int CHUNK_ROWS = 512;

    private SourceInference() {
    }

    /**
     * @param outputs  the model's outputs, one row per sample asked for, in order
     * @param targets  the samples' target rows, in the same order
     * @param meanLoss the mean loss over those samples, NaN unless asked for
     */
    public record Scored(float[][] outputs, float[][] targets, double meanLoss) {
    }

    /** Every sample of a source, in order. */
    public static Scored score(TrainableModel model, SampleSource source, boolean withLoss) {
        return score(model, source, IntStream.range(0, source.size()).toArray(), withLoss);
    }

    public static Scored score(TrainableModel model, SampleSource source, int[] rows, boolean withLoss) {
        if (source.inMemory()) {
            ArrayDataset data = source.read(rows);
            try (BackendData uploaded = model.upload(data)) {
                return new Scored(model.predict(uploaded), data.targets(),
                        withLoss ? model.meanLoss(uploaded) : Double.NaN);
            }
        }
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < rows.length; from += CHUNK_ROWS) {
            chunks.add(Arrays.copyOfRange(rows, from, Math.min(rows.length, from + CHUNK_ROWS)));
        }
        float[][] outputs = new float[rows.length][];
        float[][] targets = new float[rows.length][];
        double weightedLoss = 0;
        int done = 0;
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(source, chunks)) {
            while (prefetcher.hasNext()) {
                ArrayDataset chunk = prefetcher.next();
                try (BackendData uploaded = model.upload(chunk)) {
                    System.arraycopy(model.predict(uploaded), 0, outputs, done, chunk.size());
                    if (withLoss) {
                        weightedLoss += model.meanLoss(uploaded) * chunk.size();
                    }
                }
                System.arraycopy(chunk.targets(), 0, targets, done, chunk.size());
                done += chunk.size();
            }
        }
        return new Scored(outputs, targets, withLoss ? weightedLoss / rows.length : Double.NaN);
    }
}
