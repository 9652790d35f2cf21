package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.network.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;

class ImageFolderImporterTest {
    static final Path MNIST_PNG = Path.of("../shared/datasets/mnist-png");

    @TempDir
    Path folder;

    /** Writes {@code count} small gray images, each a different level, into {@code classFolder}. */
    static void writeImages(Path classFolder, int count, String format) throws IOException {
        Files.createDirectories(classFolder);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSample(i % 6, 1, 0, 40 * i + 10);
            ImageIO.write(image, format, classFolder.resolve("image-" + i + "." + format).toFile());
        }
    }

    private static int[] all(SampleSource source) {
        return IntStream.range(0, source.size()).toArray();
    }

    @Test
    void aNonImageFileIsSkippedAndCountedInAWarning() throws IOException {
        writeImages(folder.resolve("cats"), 5, "png");
        writeImages(folder.resolve("dogs"), 5, "bmp");
        Files.writeString(folder.resolve("cats").resolve("notes.txt"), "not a picture");

        PreparedInputs inputs = ImageDatasets.fromFolder(folder, ImageOptions.defaults().withSplit(0.2, 0.2, 1));

        assertThat(inputs.train().size() + inputs.validation().size() + inputs.test().size()).isEqualTo(10);
        assertThat(inputs.notes()).anySatisfy(note -> assertThat(note)
                .startsWith("Warning: skipped 1 file").contains("cats/notes.txt"));
        assertThat(inputs.preprocessing().classNames()).containsExactly("cats", "dogs");
        assertThat(inputs.preprocessing().inputShape()).isEqualTo(new Shape.Image(4, 6, 1));
    }

    @Test
    void anEmptyClassFolderIsAnErrorThatNamesIt() throws IOException {
        writeImages(folder.resolve("cats"), 3, "png");
        Files.createDirectories(folder.resolve("dogs"));

        assertThatUserInputError(() -> ImageDatasets.fromFolder(folder, ImageOptions.defaults()))
                .hasMessageContaining("The class folder dogs holds no readable image");
    }

    @Test
    void aClassFolderOfNonImagesIsAsEmptyAsAnEmptyOne() throws IOException {
        writeImages(folder.resolve("cats"), 3, "png");
        Files.createDirectories(folder.resolve("dogs"));
        Files.writeString(folder.resolve("dogs").resolve("readme.md"), "# dogs");

        assertThatUserInputError(() -> ImageDatasets.fromFolder(folder, ImageOptions.defaults()))
                .hasMessageContaining("dogs holds no readable image");
    }

    @Test
    void aFolderWithoutClassFoldersIsAnErrorThatSaysTheLayout() throws IOException {
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("loose.png").toFile());

        assertThatUserInputError(() -> ImageDatasets.fromFolder(folder, ImageOptions.defaults()))
                .hasMessageContaining("has no class folders").hasMessageContaining("one sub-folder per class")
                .hasMessageContaining("train/ and test/");
    }

    @Test
    void aTestClassUnknownToTrainingIsAnError() throws IOException {
        writeImages(folder.resolve("train").resolve("cats"), 3, "png");
        writeImages(folder.resolve("test").resolve("birds"), 2, "png");

        assertThatUserInputError(() -> ImageDatasets.fromFolder(folder, ImageOptions.defaults()))
                .hasMessageContaining("test/birds has no matching folder in train/");
    }

    @Test
    void mnistPngUsesItsTrainAndTestFoldersWithAStratifiedSeededValidationSplit() {
        ImageOptions options = ImageOptions.defaults().withSplit(0.2, 0.15, 7);
        PreparedInputs inputs = ImageDatasets.fromFolder(MNIST_PNG, options);
        ImageDatasetSummary summary = ImageDatasetSummary.of(inputs, 32);

        assertThat(inputs.train().size() + inputs.validation().size()).isEqualTo(600);
        assertThat(inputs.test().size()).isEqualTo(200);
        assertThat(inputs.preprocessing().classNames()).hasSize(10);
        // Stratified: every class keeps about a fifth of its samples for validation.
        for (int c = 0; c < 10; c++) {
            int total = summary.trainCounts().get(c) + summary.validationCounts().get(c);
            assertThat(summary.validationCounts().get(c)).isBetween((int) Math.floor(total * 0.2), (int) Math.ceil(total * 0.2));
        }
        assertThat(summary.testCounts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(summary.streamed()).isFalse();
        assertThat(summary.bytesInMemory()).isEqualTo(800L * 4 * (784 + 10));
        PreparedInputs again = ImageDatasets.fromFolder(MNIST_PNG, options);
        assertThat(again.fingerprint()).hasSize(64).isEqualTo(inputs.fingerprint());
        assertThat(((ArrayDataset) again.validation()).features()).isDeepEqualTo(((ArrayDataset) inputs.validation()).features());
    }

    @Test
    void streamedAndInMemoryImportsGiveTheSameRowsAndStandardization() {
        ImageOptions options = ImageOptions.defaults().withScaling(PixelScaling.STANDARDIZE).withChannels(3).withSize(20, 24);
        PreparedInputs inMemory = ImageDatasets.fromFolder(MNIST_PNG, options.withStorage(ImageOptions.Storage.IN_MEMORY));
        PreparedInputs streamed = ImageDatasets.fromFolder(MNIST_PNG, options.withStorage(ImageOptions.Storage.STREAM));

        assertThat(streamed.preprocessing()).isEqualTo(inMemory.preprocessing());
        assertThat(streamed.train().inMemory()).isFalse();
        assertThat(streamed.test().read(all(streamed.test())).features())
                .isDeepEqualTo(inMemory.test().read(all(inMemory.test())).features());
        assertThat(inMemory.preprocessing().featureCount()).isEqualTo(20 * 24 * 3);
        ImageDatasetSummary summary = ImageDatasetSummary.of(streamed, 32);
        assertThat(summary.streamed()).isTrue();
        assertThat(summary.bytesStreamedPerBatch()).isEqualTo(32L * 4 * (20 * 24 * 3 + 10));
        assertThat(summary.bytesInMemory()).isLessThan(summary.bytesStreamedPerBatch());
        assertThat(streamed.notes()).anySatisfy(note -> assertThat(note).startsWith("Streaming the 800 images"));
    }

    @Test
    void aSmallMemoryBudgetStreamsAndTheDefaultHoldsInMemory() {
        PreparedInputs tight = ImageDatasets.fromFolder(MNIST_PNG, ImageOptions.defaults().withMemoryBudget(100_000));
        PreparedInputs roomy = ImageDatasets.fromFolder(MNIST_PNG, ImageOptions.defaults());

        assertThat(tight.train().inMemory()).isFalse();
        assertThat(tight.notes()).anySatisfy(note -> assertThat(note).contains("more than the memory budget of 0.1 MiB"));
        assertThat(roomy.train().inMemory()).isTrue();
    }
}
