package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Padding;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchModel;
import io.neuralworkbench.engine.util.Json;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImagePreprocessingTest {
    private static final List<String> CLASSES = List.of("a", "b");

    private static BufferedImage rgb(int height, int width, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    @Test
    void anRgbImageBecomesChannelAfterChannelEachRowAfterRow() {
        BufferedImage image = rgb(2, 3, 1);
        float[] row = ImagePreprocessing.unitRange(2, 3, 3, CLASSES).transform(image);

        assertThat(row).hasSize(18);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int pixel = image.getRGB(x, y);
                int[] levels = {(pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff};
                for (int c = 0; c < 3; c++) {
                    assertThat(row[c * 6 + y * 3 + x]).isEqualTo(levels[c] / 255f);
                }
            }
        }
    }

    /**
     * The same RGB input through the same weights gives the same outputs in DL4J (convolutionalFlat) and in
     * PyTorch (reshape to [batch, channels, height, width]): both read the row in the same layout. The image is
     * not square, so a row/column mix-up would show.
     */
    @Test
    void dl4jAndPyTorchSeeAnRgbRowAsTheSameImage() {
        int height = 7;
        int width = 5;
        NetworkDescription network = NetworkDescription.builder("rgb")
                .then("input", Layer.Input.image(height, width, 3))
                .then("conv", Layer.Convolution2D.of(4, 3).withPadding(Padding.VALID))
                .then("flatten", new Layer.Flatten())
                .then("output", Layer.Output.classification(2))
                .build();
        ImagePreprocessing preprocessing = ImagePreprocessing.unitRange(height, width, 3, CLASSES);
        float[][] rows = {preprocessing.transform(rgb(height, width, 2)), preprocessing.transform(rgb(height, width, 3))};
        assertThat(preprocessing.inputShape()).isEqualTo(new Shape.Image(height, width, 3));

        try (PyTorchModel pyTorch = new PyTorchBackend().compile(network, TrainingConfig.defaults());
             TrainableModel dl4j = pyTorch.toDl4j()) {
            float[][] expected = pyTorch.predict(rows);
            float[][] actual = dl4j.predict(rows);
            for (int i = 0; i < rows.length; i++) {
                for (int k = 0; k < 2; k++) {
                    assertThat(actual[i][k]).isCloseTo(expected[i][k], within(1e-5f));
                }
            }
            assertThat(expected[0][0]).isNotCloseTo(expected[1][0], within(1e-6f));
        }
    }

    @Test
    void aGrayPngKeepsItsStoredLevelsLikeTheSameDigitInTheIdxFile() {
        IdxReader.IdxImages idx = IdxReader.readImages(IdxReaderTest.MNIST_DIGITS.resolve("train-images-idx3-ubyte.gz"));
        ImagePreprocessing preprocessing = ImagePreprocessing.unitRange(28, 28, 1, CLASSES);

        float[] fromPng = preprocessing.transform(Path.of("../shared/datasets/mnist-png/train/0/train-00001.png"));
        float[] fromIdx = preprocessing.transformGray(idx.pixels(), 28 * 28, 28, 28);

        assertThat(fromPng).containsExactly(fromIdx);
    }

    @Test
    void colourBecomesLumaAndGrayIsRepeatedIntoThreeChannels() {
        BufferedImage red = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        red.setRGB(0, 0, 0xff0000);
        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 51);

        assertThat(ImagePreprocessing.unitRange(1, 1, 1, CLASSES).transform(red)[0]).isCloseTo(0.299f, within(1e-6f));
        assertThat(ImagePreprocessing.unitRange(1, 1, 3, CLASSES).transform(gray)).containsExactly(0.2f, 0.2f, 0.2f);
    }

    @Test
    void resizingKeepsAConstantImageConstantAndTheSizeAsked() {
        BufferedImage image = new BufferedImage(9, 6, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 9; x++) {
                image.getRaster().setSample(x, y, 0, 102);
            }
        }
        float[] row = ImagePreprocessing.unitRange(4, 3, 1, CLASSES).transform(image);

        assertThat(row).hasSize(12).containsOnly(0.4f);
    }

    @Test
    void standardizationUsesTheFittedChannelStatistics() {
        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 255);
        ImagePreprocessing standardized = ImagePreprocessing.unitRange(1, 1, 1, CLASSES)
                .standardized(new double[] {0.5}, new double[] {0.25});

        assertThat(standardized.transform(gray)[0]).isCloseTo(2f, within(1e-6f));
        assertThat(standardized.scaling()).isEqualTo(PixelScaling.STANDARDIZE);
    }

    @Test
    void roundTripsThroughJsonAsAnInputPreprocessingOfKindImage() throws Exception {
        InputPreprocessing unit = ImagePreprocessing.unitRange(28, 28, 1, List.of("0", "1"));
        InputPreprocessing standardized = ImagePreprocessing.unitRange(32, 24, 3, CLASSES)
                .standardized(new double[] {0.1, 0.2, 0.3}, new double[] {0.4, 0.5, 0.6});

        for (InputPreprocessing original : List.of(unit, standardized)) {
            String json = Json.mapper().writeValueAsString(original);
            assertThat(json).contains("\"kind\" : \"image\"");
            InputPreprocessing read = Json.mapper().readValue(json, InputPreprocessing.class);
            assertThat(read).isEqualTo(original);
            assertThat(read.inputShape()).isEqualTo(original.inputShape());
        }
    }

    @Test
    void rejectsSizesAndChannelCountsItCannotMake() {
        assertThatUserInputError(() -> ImagePreprocessing.unitRange(0, 5, 1, CLASSES)).hasMessageContaining("0×5");
        assertThatUserInputError(() -> ImagePreprocessing.unitRange(5, 5, 2, CLASSES)).hasMessageContaining("2 channels");
        assertThatUserInputError(() -> ImagePreprocessing.unitRange(5, 5, 1, CLASSES)
                .transform(Path.of("../shared/datasets/iris.csv"))).hasMessageContaining("iris.csv");
    }
}
