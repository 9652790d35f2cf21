package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.eval.Evaluator;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The accuracy bars of issue 4 on the real digits in ../shared/datasets, each a short run with fixed seeds.
 * The convolutional runs use the PyTorch backend (several times faster here, see benchmarks/README.md) apart
 * from the comparison of the two backends; the MLP runs on DL4J. Each test prints its accuracy and time.
 */
@Tag("slow")
class ImageAccuracyTest {

    private static double testAccuracy(String run, TrainingBackend backend, NetworkDescription network,
                                       TrainingConfig config, PreparedInputs inputs) {
        long start = System.nanoTime();
        TrainingResult result = TrainingSession.create(backend, network, config, inputs.train(), inputs.validation(),
                null).run();
        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        try (var model = result.model()) {
            double accuracy = Evaluator.evaluate(model, inputs.test(), inputs.preprocessing()).classification()
                    .accuracy();
            System.out.printf("%s on %s: test accuracy %.4f after %.1f s%n", run, backend.id(), accuracy,
                    (System.nanoTime() - start) / 1e9);
            return accuracy;
        }
    }

    private static PreparedInputs mnistDigits() {
        return ImageDatasets.fromIdxDirectory(IdxReaderTest.MNIST_DIGITS, ImageOptions.defaults());
    }

    /** Two small ReLU convolutions with pooling and a softmax: enough for digits, quick on either backend. */
    private static NetworkDescription smallCnn() {
        return NetworkDescription.builder("small CNN")
                .then("input", Layer.Input.image(28, 28, 1))
                .then("conv1", Layer.Convolution2D.of(8, 5))
                .then("pool1", Layer.Pooling2D.max(2))
                .then("conv2", Layer.Convolution2D.of(16, 5))
                .then("pool2", Layer.Pooling2D.max(2))
                .then("flatten", new Layer.Flatten())
                .then("output", Layer.Output.classification(10))
                .build();
    }

    @Test
    void leNetOnMnistDigitsReachesAtLeast95PercentTestAccuracy() {
        double accuracy = testAccuracy("LeNet, mnist-digits", new PyTorchBackend(),
                Templates.lenet(28, 28, 1, 10), TrainingConfig.defaults().withEpochs(3).withBatchSize(32),
                mnistDigits());

        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void anMlpOnMnistDigitsReachesAtLeast90PercentTestAccuracy() {
        double accuracy = testAccuracy("MLP, mnist-digits", new Dl4jGraphBackend(),
                Templates.mlpClassifier(28 * 28, 10),
                TrainingConfig.defaults().withEpochs(4).withBatchSize(32).withLearningRate(0.002), mnistDigits());

        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void aSmallCnnOnTheMnistPngFolderReachesAtLeast85PercentTestAccuracy() {
        PreparedInputs inputs = ImageDatasets.fromFolder(ImageFolderImporterTest.MNIST_PNG, ImageOptions.defaults());
        double accuracy = testAccuracy("small CNN, mnist-png folder", new PyTorchBackend(), smallCnn(),
                TrainingConfig.defaults().withEpochs(12).withBatchSize(32).withLearningRate(0.002), inputs);

        assertThat(inputs.test().size()).isEqualTo(200);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void dl4jAndPyTorchReachTheSameAccuracyBandOnMnistDigitsWithTheSameSeed() {
        PreparedInputs inputs = mnistDigits();
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withBatchSize(32).withLearningRate(0.002)
                .withSeed(3);
        double dl4j = testAccuracy("small CNN, mnist-digits", new Dl4jGraphBackend(), smallCnn(), config, inputs);
        double pyTorch = testAccuracy("small CNN, mnist-digits", new PyTorchBackend(), smallCnn(), config, inputs);

        assertThat(dl4j).isGreaterThanOrEqualTo(0.93);
        assertThat(pyTorch).isGreaterThanOrEqualTo(0.93);
        assertThat(pyTorch).isCloseTo(dl4j, within(0.03));
    }
}
