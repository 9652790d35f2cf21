package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.network.Shape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.neuralworkbench.engine.data.image.ImageFolderImporterTest.MNIST_PNG;
import static org.assertj.core.api.Assertions.assertThat;

class ImageDatasetSummaryTest {
    private static final int MNIST_ROW_BYTES = 4 * (28 * 28 + 10);

    /** Files per class folder of mnist-png, counted on disk independently of the importer. */
    private static List<Integer> filesPerClass(String split) throws IOException {
        List<Integer> counts = new java.util.ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            try (Stream<Path> files = Files.list(MNIST_PNG.resolve(split).resolve(String.valueOf(digit)))) {
                counts.add((int) files.count());
            }
        }
        return counts;
    }

    @Test
    void anInMemoryFolderReportsShapeSplitSizesClassCountsAndTheMemoryItsRowsTake() throws IOException {
        PreparedInputs inputs = ImageDatasets.fromFolder(MNIST_PNG, ImageOptions.defaults().withSplit(0.1, 0, 5));
        ImageDatasetSummary summary = ImageDatasetSummary.of(inputs, 32);

        assertThat(summary.inputShape()).isEqualTo(new Shape.Image(28, 28, 1));
        assertThat(summary.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(summary.testCounts()).isEqualTo(filesPerClass("test"));
        List<Integer> trainFiles = filesPerClass("train");
        for (int c = 0; c < 10; c++) {
            assertThat(summary.trainCounts().get(c) + summary.validationCounts().get(c)).isEqualTo(trainFiles.get(c));
        }
        assertThat(summary.trainSize()).isEqualTo(inputs.train().size()).isEqualTo(540);
        assertThat(summary.validationSize()).isEqualTo(inputs.validation().size()).isEqualTo(60);
        assertThat(summary.testSize()).isEqualTo(200);
        assertThat(summary.streamed()).isFalse();
        assertThat(summary.bytesInMemory()).isEqualTo(summary.bytesAsRows()).isEqualTo(800L * MNIST_ROW_BYTES);
        assertThat(summary.bytesStreamedPerBatch()).isZero();
        assertThat(summary.describe())
                .contains("Input: 28×28 pixels, 1 channel (784 values per image).",
                        "Splits: 540 training, 60 validation, 200 test images.",
                        "Memory: in memory; 2.4 MiB held for the run.")
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly("3",
                        String.valueOf(summary.trainCounts().get(3)), String.valueOf(summary.validationCounts().get(3)),
                        "20"));
    }

    @Test
    void aStreamedAugmentedFolderReportsTheResizedRgbShapeAndWhatStreamingSaves() {
        ImageOptions options = ImageOptions.defaults().withSize(20, 24).withChannels(3)
                .withStorage(ImageOptions.Storage.STREAM).withAugmentation(Augmentation.PHOTOS);
        PreparedInputs inputs = ImageDatasets.fromFolder(MNIST_PNG, options);
        ImageDatasetSummary summary = ImageDatasetSummary.of(inputs, 64);

        int rowBytes = 4 * (20 * 24 * 3 + 10);
        assertThat(summary.inputShape()).isEqualTo(new Shape.Image(20, 24, 3));
        assertThat(summary.trainSize() + summary.validationSize()).isEqualTo(600);
        assertThat(summary.testSize()).isEqualTo(200);
        assertThat(summary.streamed()).isTrue();
        assertThat(summary.bytesAsRows()).isEqualTo(800L * rowBytes);
        assertThat(summary.bytesStreamedPerBatch()).isEqualTo(64L * rowBytes);
        // Only the labels stay: 4 bytes per image, files are read per batch.
        assertThat(summary.bytesInMemory()).isEqualTo(800L * 4);
        assertThat(summary.describe())
                .contains("Input: 20×24 pixels, 3 channels (1440 values per image).")
                .anySatisfy(line -> assertThat(line).startsWith("Memory: streamed; 0.0 MiB held for the run, 0.35 MiB"
                        + " of rows per batch").endsWith("instead of 4.4 MiB for all rows in memory."));
    }

    @Test
    void streamedIdxDigitsKeepTheirCompactPixelBytesInMemory() {
        PreparedInputs inputs = ImageDatasets.fromIdxDirectory(IdxReaderTest.MNIST_DIGITS,
                ImageOptions.defaults().withStorage(ImageOptions.Storage.STREAM));
        ImageDatasetSummary summary = ImageDatasetSummary.of(inputs, 32);

        assertThat(summary.trainSize() + summary.validationSize()).isEqualTo(6000);
        assertThat(summary.testSize()).isEqualTo(2000);
        assertThat(IntStream.range(0, 10).map(c -> summary.testCounts().get(c)).sum()).isEqualTo(2000);
        assertThat(summary.streamed()).isTrue();
        // One byte per pixel and four per label instead of four bytes per pixel and per one-hot target.
        assertThat(summary.bytesInMemory()).isEqualTo(8000L * (28 * 28 + 4));
        assertThat(summary.bytesAsRows()).isEqualTo(8000L * MNIST_ROW_BYTES);
    }
}
