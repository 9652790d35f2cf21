package io.neuralworkbench.engine.data;

import java.util.List;

/**
 * Labelled samples that can be read a few at a time: an {@link ArrayDataset} in memory, or a set read from
 * disk batch by batch (an image folder larger than memory). Training and evaluation ask for the rows of one
 * batch at a time, so a source never needs to hold all of its samples.
 */
public interface SampleSource {
    int size();

    /** The classes in one-hot order; empty for regression. */
    List<String> classNames();

    /** Width of one flat feature row. */
    int featureCount();

    /** Width of one target row. */
    int targetCount();

    /**
     * The samples at the given indices, in that order, as an in-memory dataset. May read from disk; safe to
     * call from a thread other than the one that trains (prefetching), one call at a time.
     */
    ArrayDataset read(int[] indices);

    /** True when every sample is already in memory, so the whole set can be handed to a backend at once. */
    default boolean inMemory() {
        return this instanceof ArrayDataset;
    }

    /**
     * The samples as training epoch {@code epoch} of a run seeded {@code seed} should see them. A source that
     * varies its samples per epoch (augmentation) derives the variation from these two numbers only, so the
     * same seed gives the same epochs and a resumed run continues as the original would have. Most sources
     * are the same in every epoch and return themselves.
     */
    default SampleSource forEpoch(long seed, int epoch) {
        return this;
    }
}
