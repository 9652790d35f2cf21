package io.neuralworkbench.engine.export.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.data.image.ImageDatasets;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.text.TextDatasets;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
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
import io.neuralworkbench.engine.util.Json;
import io.neuralworkbench.engine.workflow.TabularTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Models trained on the shared real datasets, exported to ONNX and run with ONNX Runtime: the outputs must be
 * the engine's own predictions within 1e-4 (issue 8). Short runs on subsets; what matters is trained weights,
 * running batch-norm statistics and real inputs (padded texts, digits), not accuracy.
 */
@Tag("slow")
class OnnxTrainedModelsTest {
    private static final Path MNIST_DIGITS = Path.of("../shared/datasets/mnist-digits");

    @TempDir
    Path directory;

    private static TrainingResult train(NetworkDescription network, TrainingConfig config, SampleSource train,
                                        SampleSource validation) {
        TrainingBackend backend = new Dl4jGraphBackend();
        backend.useThreads(1);
        TrainingResult result = TrainingSession.create(backend, network, config, train, validation, null).run();
        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        return result;
    }

    private static ArrayDataset first(SampleSource source, int rows) {
        return source.read(IntStream.range(0, Math.min(rows, source.size())).toArray());
    }

    @Test
    void anMlpTrainedOnIrisGivesTheEngineOutputsAndItsPreprocessingBesideIt() throws Exception {
        TabularTraining training = TabularTraining.prepare(SharedDatasets.IRIS, PreprocessingSpec.forTarget("species"),
                null, TrainingConfig.defaults().withEpochs(40).withLearningRate(0.01), new Dl4jGraphBackend());
        Path file = directory.resolve("iris.onnx");
        try (ModelBundle bundle = training.bundle(training.newSession(null).run())) {
            double difference = OnnxRuntimeCheck.exportAndCompare(bundle, file, (ArrayDataset) training.data().test());

            assertThat(difference).isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
            JsonNode sidecar = Json.mapper().readTree(OnnxExport.preprocessingFileFor(file).toFile());
            assertThat(sidecar.get("model").asText()).isEqualTo("iris.onnx");
            assertThat(sidecar.at("/input/shape/1").asInt()).isEqualTo(4);
            assertThat(sidecar.at("/output/shape/1").asInt()).isEqualTo(3);
            assertThat(sidecar.get("classNames")).hasSize(3);
            assertThat(sidecar.at("/preprocessing/features")).hasSize(4);
            assertThat(sidecar.at("/preprocessing/features/0/scaling").isObject()).isTrue();
        }
        assertThat(directory).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith("."));
    }

    /** The PyTorch backend's model in memory is saved as a DL4J graph, which the export reads. */
    @Test
    void anMlpTrainedWithThePyTorchBackendGivesTheEngineOutputs() throws Exception {
        TabularTraining training = TabularTraining.prepare(SharedDatasets.IRIS, PreprocessingSpec.forTarget("species"),
                null, TrainingConfig.defaults().withEpochs(20).withLearningRate(0.01), new PyTorchBackend());
        try (ModelBundle bundle = training.bundle(training.newSession(null).run())) {
            assertThat(bundle.model().getClass().getSimpleName()).isEqualTo("PyTorchModel");
            assertThat(OnnxRuntimeCheck.exportAndCompare(bundle, directory.resolve("iris-pytorch.onnx"),
                    (ArrayDataset) training.data().test())).isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
        }
    }

    @Test
    void leNetTrainedOnMnistDigitsGivesTheEngineOutputs() throws Exception {
        PreparedInputs digits = ImageDatasets.fromIdxDirectory(MNIST_DIGITS, ImageOptions.defaults());
        NetworkDescription network = Templates.lenet(28, 28, 1, 10);
        TrainingResult result = train(network, TrainingConfig.defaults().withEpochs(1).withBatchSize(32)
                .withLearningRate(0.002), first(digits.train(), 600), first(digits.validation(), 100));
        ArrayDataset test = first(digits.test(), 200);

        try (ModelBundle bundle = OnnxRuntimeCheck.bundle(network, TrainingConfig.defaults(), digits.preprocessing(),
                result.model())) {
            assertThat(OnnxRuntimeCheck.exportAndCompare(bundle, directory.resolve("lenet.onnx"), test))
                    .isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
        }
    }

    @Test
    void theResidualTemplateTrainedOnMnistDigitsGivesTheEngineOutputs() throws Exception {
        PreparedInputs digits = ImageDatasets.fromIdxDirectory(MNIST_DIGITS, ImageOptions.defaults());
        NetworkDescription network = Templates.residualCnn(28, 28, 1, 10);
        TrainingResult result = train(network, TrainingConfig.defaults().withEpochs(1).withBatchSize(32)
                .withLearningRate(0.002), first(digits.train(), 400), first(digits.validation(), 100));
        ArrayDataset test = first(digits.test(), 200);

        try (ModelBundle bundle = OnnxRuntimeCheck.bundle(network, TrainingConfig.defaults(), digits.preprocessing(),
                result.model())) {
            assertThat(OnnxRuntimeCheck.exportAndCompare(bundle, directory.resolve("residual.onnx"), test))
                    .isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
        }
    }

    @Test
    void theTextClassifierAndAnLstmTrainedOnSmsSpamGiveTheEngineOutputsOnPaddedTexts() throws Exception {
        PreparedInputs sms = TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "Label", TextOptions.defaults());
        TextPreprocessing text = (TextPreprocessing) sms.preprocessing();
        ArrayDataset test = (ArrayDataset) sms.test();
        assertThat(test.hasFeatureMasks()).isTrue();
        NetworkDescription lstm = NetworkDescription.builder("LSTM text classifier")
                .then("input", Layer.Input.sequence(1, text.maxLength()))
                .then("embedding", Layer.Embedding.of(text.vocabulary().size(), 16))
                .then("lstm", Layer.Lstm.of(16, false))
                .then("output", Layer.Output.classification(2))
                .build();

        for (NetworkDescription network : java.util.List.of(
                Templates.textClassifier(text.vocabulary().size(), text.maxLength(), 2), lstm)) {
            TrainingResult result = train(network, TrainingConfig.defaults().withEpochs(1).withLearningRate(0.005),
                    first(sms.train(), network == lstm ? 1000 : sms.train().size()), sms.validation());
            try (ModelBundle bundle = OnnxRuntimeCheck.bundle(network, TrainingConfig.defaults(), text,
                    result.model())) {
                Path file = directory.resolve(network.name().replace(' ', '-') + ".onnx");
                assertThat(OnnxRuntimeCheck.exportAndCompare(bundle, file, test)).as(network.name())
                        .isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
                JsonNode sidecar = Json.mapper().readTree(OnnxExport.preprocessingFileFor(file).toFile());
                assertThat(sidecar.at("/input/type").asText()).isEqualTo("int64");
                assertThat(sidecar.at("/preprocessing/vocabulary/words").size())
                        .isEqualTo(text.vocabulary().words().size());
                assertThat(Files.size(file)).isGreaterThan(4L * text.vocabulary().size() * 16);
            }
        }
    }
}
