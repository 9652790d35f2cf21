package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.PreparedInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IdxReaderTest {
    static final Path MNIST_DIGITS = Path.of("../shared/datasets/mnist-digits");

    @TempDir
    Path directory;

    /** An IDX file: magic (0, 0, type, dimension count), the dimension sizes, then the data. */
    static byte[] idx(int type, int[] dimensions, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dimensions.length);
        for (int size : dimensions) {
            buffer.putInt(size);
        }
        return buffer.put(data).array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsTheRealMnistDigitsFromTheirGzippedFiles() {
        IdxReader.IdxPair train = IdxReader.readPair(MNIST_DIGITS.resolve("train-images-idx3-ubyte.gz"),
                MNIST_DIGITS.resolve("train-labels-idx1-ubyte.gz"));

        assertThat(train.images().count()).isEqualTo(6000);
        assertThat(train.images().rows()).isEqualTo(28);
        assertThat(train.images().columns()).isEqualTo(28);
        assertThat(train.images().pixels()).hasSize(6000 * 28 * 28);
        assertThat(train.labels().classCount()).isEqualTo(10);
        assertThat(Arrays.stream(train.labels().labels()).distinct().count()).isEqualTo(10);
        assertThat(train.images().sha256()).hasSize(64);
    }

    @Test
    void aPlainFileReadsLikeItsGzippedCopy() throws IOException {
        byte[] pixels = {0, 1, 2, (byte) 255, 4, 5, 6, 7};
        byte[] file = idx(0x08, new int[] {2, 2, 2}, pixels);
        IdxReader.IdxImages plain = IdxReader.readImages(write("plain-idx3-ubyte", file));
        IdxReader.IdxImages zipped = IdxReader.readImages(write("zipped-idx3-ubyte.gz", gzip(file)));

        assertThat(plain.pixels()).isEqualTo(pixels).isEqualTo(zipped.pixels());
        assertThat(plain.count()).isEqualTo(2);
        assertThat(plain.sha256()).isNotEqualTo(zipped.sha256());
    }

    @Test
    void findsTheFourStandardFilesInAFolder() {
        ImageDatasets.IdxFiles files = ImageDatasets.findIdxFiles(MNIST_DIGITS).orElseThrow();

        assertThat(files.trainImages().getFileName()).hasToString("train-images-idx3-ubyte.gz");
        assertThat(files.trainLabels().getFileName()).hasToString("train-labels-idx1-ubyte.gz");
        assertThat(files.testImages().getFileName()).hasToString("t10k-images-idx3-ubyte.gz");
        assertThat(files.testLabels().getFileName()).hasToString("t10k-labels-idx1-ubyte.gz");
        assertThat(ImageDatasets.findIdxFiles(directory)).isEmpty();
    }

    @Test
    void aCorruptHeaderIsReportedWithTheFileName() throws IOException {
        Path notIdx = write("photo-idx3-ubyte", "\u0089PNG and so on and so on".getBytes());
        Path wrongType = write("floats-idx3-ubyte", idx(0x0D, new int[] {1, 1, 1}, new byte[4]));
        Path labelsAsImages = write("labels-idx1-ubyte", idx(0x08, new int[] {2}, new byte[2]));

        assertThatUserInputError(() -> IdxReader.readImages(notIdx))
                .hasMessageContaining("photo-idx3-ubyte").hasMessageContaining("not an IDX file");
        assertThatUserInputError(() -> IdxReader.readImages(wrongType))
                .hasMessageContaining("floats-idx3-ubyte").hasMessageContaining("type 0xd");
        assertThatUserInputError(() -> IdxReader.readImages(labelsAsImages))
                .hasMessageContaining("labels-idx1-ubyte").hasMessageContaining("1 dimensions")
                .hasMessageContaining("swapped");
    }

    @Test
    void aTruncatedFileIsReportedWithWhatWasPromisedAndWhatIsThere() throws IOException {
        byte[] complete = idx(0x08, new int[] {10, 28, 28}, new byte[10 * 28 * 28]);
        Path truncated = write("cut-idx3-ubyte", Arrays.copyOf(complete, 16 + 100));
        byte[] zipped = gzip(complete);
        Path truncatedGzip = write("cut-idx3-ubyte.gz", Arrays.copyOf(zipped, zipped.length / 2));
        Path headerOnly = write("short-idx1-ubyte", new byte[] {0, 0, 8, 1, 0});

        assertThatUserInputError(() -> IdxReader.readImages(truncated))
                .hasMessageContaining("cut-idx3-ubyte is truncated").hasMessageContaining("10 images of 28×28")
                .hasMessageContaining("only 100 bytes");
        assertThatUserInputError(() -> IdxReader.readImages(truncatedGzip))
                .hasMessageContaining("cut-idx3-ubyte.gz is a truncated gzip file");
        assertThatUserInputError(() -> IdxReader.readLabels(headerOnly))
                .hasMessageContaining("short-idx1-ubyte is too short");
    }

    @Test
    void imageAndLabelCountsMustMatch() throws IOException {
        Path images = write("three-idx3-ubyte", idx(0x08, new int[] {3, 2, 2}, new byte[12]));
        Path labels = write("two-idx1-ubyte", idx(0x08, new int[] {2}, new byte[] {0, 1}));

        assertThatUserInputError(() -> IdxReader.readPair(images, labels))
                .hasMessageContaining("three-idx3-ubyte holds 3 images")
                .hasMessageContaining("two-idx1-ubyte holds 2 labels");
    }

    @Test
    void aTestLabelTheTrainingLabelsDoNotHaveIsOutOfRange() throws IOException {
        Path trainImages = write("train-idx3-ubyte", idx(0x08, new int[] {4, 2, 2}, new byte[16]));
        Path trainLabels = write("train-idx1-ubyte", idx(0x08, new int[] {4}, new byte[] {0, 1, 0, 1}));
        Path testImages = write("test-idx3-ubyte", idx(0x08, new int[] {2, 2, 2}, new byte[8]));
        Path testLabels = write("test-idx1-ubyte", idx(0x08, new int[] {2}, new byte[] {1, 7}));

        assertThatUserInputError(() -> ImageDatasets.fromIdx(trainImages, trainLabels, testImages, testLabels,
                ImageOptions.defaults().withSplit(0, 0, 1)))
                .hasMessageContaining("test-idx1-ubyte has the label 7 at position 1")
                .hasMessageContaining("only go up to 1");
    }

    @Test
    void theMnistDigitsBecomeTrainValidationAndTestSplits() {
        PreparedInputs inputs = ImageDatasets.fromIdxDirectory(MNIST_DIGITS, ImageOptions.defaults());

        assertThat(inputs.train().size() + inputs.validation().size()).isEqualTo(6000);
        assertThat(inputs.validation().size()).isCloseTo(600, within(10));
        assertThat(inputs.test().size()).isEqualTo(2000);
        assertThat(inputs.preprocessing().classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(inputs.preprocessing().featureCount()).isEqualTo(784);
        assertThat(inputs.fingerprint()).hasSize(64)
                .isEqualTo(ImageDatasets.fromIdxDirectory(MNIST_DIGITS, ImageOptions.defaults()).fingerprint());
        float[] row = inputs.train().read(new int[] {0}).features()[0];
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float value : row) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isGreaterThan(0.9f).isLessThanOrEqualTo(1f);
    }
}
