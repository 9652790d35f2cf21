package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.network.Shape;

import java.util.List;

/**
 * A training split whose images are augmented differently in every epoch. As the session hands it out
 * ({@link #forEpoch}) each sample's change is seeded from (run seed, epoch, sample index), so epochs repeat
 * exactly for the same seed whatever the batch order, prefetching or a resume. Read directly (not for an
 * epoch), the samples are unchanged — what the training accuracy is measured on.
 */
final class AugmentedSource implements SampleSource {
    private final SampleSource samples;
    private final Augmentation augmentation;
    private final Shape.Image shape;
    /** Null until bound to an epoch. */
    private final Long epochSeed;

    AugmentedSource(SampleSource samples, Augmentation augmentation, Shape.Image shape) {
        this(samples, augmentation, shape, null);
    }

    private AugmentedSource(SampleSource samples, Augmentation augmentation, Shape.Image shape, Long epochSeed) {
        this.samples = samples;
        this.augmentation = augmentation;
        this.shape = shape;
        this.epochSeed = epochSeed;
    }

    SampleSource unaugmented() {
        return samples;
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public List<String> classNames() {
        return samples.classNames();
    }

    @Override
    public int featureCount() {
        return samples.featureCount();
    }

    @Override
    public int targetCount() {
        return samples.targetCount();
    }

    /** Never in memory as a whole: each epoch's samples are made batch by batch. */
    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public SampleSource forEpoch(long seed, int epoch) {
        return new AugmentedSource(samples, augmentation, shape, mix(mix(seed, 0x5EED_0F_1AL), epoch));
    }

    @Override
    public ArrayDataset read(int[] indices) {
        ArrayDataset batch = samples.read(indices);
        if (epochSeed == null) {
            return batch;
        }
        float[][] changed = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            changed[i] = augmentation.apply(batch.features()[i], shape, mix(epochSeed, indices[i]));
        }
        return new ArrayDataset(changed, batch.targets(), batch.classNames());
    }

    /** SplitMix64's finaliser over the sum: neighbouring inputs give unrelated seeds. */
    static long mix(long seed, long value) {
        long z = seed + 0x9E3779B97F4A7C15L * (value + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
