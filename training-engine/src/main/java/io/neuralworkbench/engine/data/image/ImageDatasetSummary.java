package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SampleSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What an imported image set holds and what it costs in memory: samples per class in each split, the bytes
 * kept in memory for the whole run, and the bytes of feature rows made per batch when the set is streamed.
 *
 * @param streamed              whether any split is read batch by batch
 * @param bytesInMemory         held for the whole run: feature and target rows of in-memory splits, labels and
 *                              compact pixels (IDX bytes) of streamed ones
 * @param bytesStreamedPerBatch feature and target rows of one training batch made from a streamed source; the
 *                              session holds two such batches at a time (one training, one prefetched); 0 if
 *                              nothing is streamed
 */
public record ImageDatasetSummary(List<String> classNames, List<Integer> trainCounts, List<Integer> validationCounts,
                                  List<Integer> testCounts, boolean streamed, long bytesInMemory,
                                  long bytesStreamedPerBatch) {
    private static final double MEBIBYTE = 1024.0 * 1024.0;
    /** Classes are counted from batches of this many samples when a source only offers reading. */
    private static final int COUNTING_CHUNK = 1024;

    public ImageDatasetSummary {
        classNames = List.copyOf(classNames);
        trainCounts = List.copyOf(trainCounts);
        validationCounts = List.copyOf(validationCounts);
        testCounts = List.copyOf(testCounts);
    }

    public static ImageDatasetSummary of(PreparedInputs inputs, int batchSize) {
        List<String> classNames = inputs.preprocessing().classNames();
        List<SampleSource> splits = List.of(inputs.train(), inputs.validation(), inputs.test());
        long inMemory = 0;
        boolean streamed = false;
        for (SampleSource split : splits) {
            SampleSource samples = unaugmented(split);
            if (samples instanceof ArrayDataset data) {
                inMemory += rowBytes(data) * data.size();
            } else {
                streamed = true;
                inMemory += samples instanceof StreamedImageSource source ? source.bytesHeld() : 0;
            }
        }
        long perBatch = streamed ? rowBytes(inputs.train()) * Math.min(batchSize, inputs.train().size()) : 0;
        return new ImageDatasetSummary(classNames, counts(inputs.train(), classNames.size()),
                counts(inputs.validation(), classNames.size()), counts(inputs.test(), classNames.size()), streamed,
                inMemory, perBatch);
    }

    private static SampleSource unaugmented(SampleSource source) {
        return source instanceof AugmentedSource augmented ? augmented.unaugmented() : source;
    }

    private static long rowBytes(SampleSource source) {
        return 4L * (source.featureCount() + source.targetCount());
    }

    private static List<Integer> counts(SampleSource split, int classCount) {
        int[] counts = new int[classCount];
        SampleSource samples = unaugmented(split);
        if (samples instanceof ArrayDataset data) {
            IntStream.range(0, data.size()).forEach(i -> counts[data.classIndex(i)]++);
        } else if (samples instanceof StreamedImageSource source) {
            IntStream.range(0, source.size()).forEach(i -> counts[source.classIndex(i)]++);
        } else {
            for (int from = 0; from < samples.size(); from += COUNTING_CHUNK) {
                ArrayDataset chunk = samples.read(IntStream.range(from, Math.min(samples.size(), from + COUNTING_CHUNK))
                        .toArray());
                IntStream.range(0, chunk.size()).forEach(i -> counts[chunk.classIndex(i)]++);
            }
        }
        return IntStream.of(counts).boxed().toList();
    }

    /** A few lines for the user: samples per class and memory use. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-12s %8s %10s %6s", "class", "train", "validation", "test"));
        for (int c = 0; c < classNames.size(); c++) {
            lines.add(String.format(Locale.ROOT, "%-12s %8d %10d %6d", classNames.get(c), trainCounts.get(c),
                    validationCounts.get(c), testCounts.get(c)));
        }
        lines.add(streamed
                ? String.format(Locale.ROOT, "Memory: %.1f MiB held; streamed, %.2f MiB of rows per batch (two batches"
                + " at a time with prefetching).", bytesInMemory / MEBIBYTE, bytesStreamedPerBatch / MEBIBYTE)
                : String.format(Locale.ROOT, "Memory: %.1f MiB held (all in memory).", bytesInMemory / MEBIBYTE));
        return lines;
    }
}
