package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.UserInputException;

import java.util.Objects;

/**
 * How images are imported: their size, colour and scaling for the network, the split, augmentation of the
 * training split, and whether they are held in memory or read batch by batch.
 *
 * @param height             rows of the network's input image; 0 keeps the data's own height (the first image's)
 * @param width              columns likewise
 * @param channels           1 for grayscale, 3 for RGB
 * @param validationFraction share of the training data held out for validation (stratified)
 * @param testFraction       share held out for testing when the data has no test set of its own (no
 *                           {@code test/} folder, no test IDX files); ignored otherwise
 * @param splitSeed          seed of the split; training has its own seed
 * @param memoryBudgetBytes  the most the feature rows may take in memory before the set is streamed
 *                           ({@link Storage#AUTO}); 0 for a quarter of the largest heap
 */
public record ImageOptions(int height, int width, int channels, PixelScaling scaling, double validationFraction,
                           double testFraction, long splitSeed, Augmentation augmentation, Storage storage,
                           long memoryBudgetBytes) {

    /** Where the feature rows live during training. */
    public enum Storage {
        /** In memory if they fit in the memory budget, else streamed. */
        AUTO,
        IN_MEMORY,
        /** Read and converted batch by batch (with the next batch prefetched). */
        STREAM
    }

    public ImageOptions {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(storage, "storage");
        if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
            throw new UserInputException("an image size of " + height + "×" + width + " does not work — give both a"
                    + " height and a width of at least 1, or neither to keep the images' own size");
        }
        if (channels != 1 && channels != 3) {
            throw new UserInputException(channels + " channels are not supported — choose 1 (grayscale) or 3 (RGB)");
        }
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new UserInputException("validation " + validationFraction + " and test " + testFraction
                    + " fractions do not work — each from 0, together below 1 (e.g. 0.1 and 0.15)");
        }
        if (memoryBudgetBytes < 0) {
            throw new UserInputException("a memory budget of " + memoryBudgetBytes + " bytes does not work — give 0"
                    + " for a quarter of the heap, or a positive number of bytes");
        }
    }

    /** The images' own size, grayscale, scaled to [0, 1], 10 % validation, 15 % test, no augmentation. */
    public static ImageOptions defaults() {
        return new ImageOptions(0, 0, 1, PixelScaling.UNIT_RANGE, 0.1, 0.15, 42, Augmentation.NONE, Storage.AUTO, 0);
    }

    public ImageOptions withSize(int newHeight, int newWidth) {
        return new ImageOptions(newHeight, newWidth, channels, scaling, validationFraction, testFraction, splitSeed,
                augmentation, storage, memoryBudgetBytes);
    }

    public ImageOptions withChannels(int newChannels) {
        return new ImageOptions(height, width, newChannels, scaling, validationFraction, testFraction, splitSeed,
                augmentation, storage, memoryBudgetBytes);
    }

    public ImageOptions withScaling(PixelScaling newScaling) {
        return new ImageOptions(height, width, channels, newScaling, validationFraction, testFraction, splitSeed,
                augmentation, storage, memoryBudgetBytes);
    }

    public ImageOptions withSplit(double newValidationFraction, double newTestFraction, long newSplitSeed) {
        return new ImageOptions(height, width, channels, scaling, newValidationFraction, newTestFraction, newSplitSeed,
                augmentation, storage, memoryBudgetBytes);
    }

    public ImageOptions withAugmentation(Augmentation newAugmentation) {
        return new ImageOptions(height, width, channels, scaling, validationFraction, testFraction, splitSeed,
                newAugmentation, storage, memoryBudgetBytes);
    }

    public ImageOptions withStorage(Storage newStorage) {
        return new ImageOptions(height, width, channels, scaling, validationFraction, testFraction, splitSeed,
                augmentation, newStorage, memoryBudgetBytes);
    }

    public ImageOptions withMemoryBudget(long bytes) {
        return new ImageOptions(height, width, channels, scaling, validationFraction, testFraction, splitSeed,
                augmentation, storage, bytes);
    }

    /** The budget in bytes, resolving 0 to a quarter of the largest heap this JVM may use. */
    long effectiveMemoryBudget() {
        return memoryBudgetBytes > 0 ? memoryBudgetBytes : Runtime.getRuntime().maxMemory() / 4;
    }
}
