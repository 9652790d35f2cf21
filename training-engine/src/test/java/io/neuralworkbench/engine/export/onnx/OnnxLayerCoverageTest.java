package io.neuralworkbench.engine.export.onnx;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.data.text.Tokenizer;
import io.neuralworkbench.engine.data.text.Vocabulary;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Padding;
import io.neuralworkbench.engine.network.PoolingType;
import io.neuralworkbench.engine.network.Size2D;
import io.neuralworkbench.engine.network.WeightInit;
import io.neuralworkbench.engine.training.MaskedTexts;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every layer kind, activation and padding mode, exported from freshly initialised DL4J graphs (random weights
 * are as good as trained ones for checking the translation, and take no training time) and run with ONNX
 * Runtime on random inputs.
 */
class OnnxLayerCoverageTest {
    private static final TrainingConfig CONFIG = TrainingConfig.defaults();

    @TempDir
    Path directory;

    private static InputPreprocessing classes(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("class " + i);
        }
        return new FittedPreprocessing("label", TaskType.CLASSIFICATION, List.of(), names, null);
    }

    private static ArrayDataset randomRows(int rows, int width, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[rows][width];
        for (float[] row : features) {
            for (int k = 0; k < width; k++) {
                row[k] = (float) random.nextGaussian();
            }
        }
        return new ArrayDataset(features, new float[rows][0], List.of());
    }

    private double exportAndCompare(NetworkDescription network, InputPreprocessing preprocessing, ArrayDataset rows)
            throws Exception {
        try (ModelBundle bundle = OnnxRuntimeCheck.bundle(network, CONFIG, preprocessing,
                new Dl4jGraphBackend().compile(network, CONFIG))) {
            return OnnxRuntimeCheck.exportAndCompare(bundle, directory.resolve(network.name() + ".onnx"), rows);
        }
    }

    @Test
    void everyActivationOfDenseLayersMatches() throws Exception {
        NetworkDescription.Builder builder = NetworkDescription.builder("activations")
                .then("input", Layer.Input.flat(6));
        List<String> branches = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            String name = "dense_" + activation.name().toLowerCase();
            builder.add(name, new Layer.Dense(4, activation, WeightInit.XAVIER, true, null), List.of("input"));
            branches.add(name);
        }
        builder.add("noBias", new Layer.Dense(3, Activation.TANH, WeightInit.XAVIER, false, null), List.of("input"));
        branches.add("noBias");
        NetworkDescription network = builder.add("joined", new Layer.Concatenate(), branches)
                .then("dropout", Layer.Dropout.of(0.5))
                .then("norm", Layer.BatchNormalization.defaults())
                .then("flatten", new Layer.Flatten())
                .then("output", Layer.Output.classification(3))
                .build();

        assertThat(exportAndCompare(network, classes(3), randomRows(50, 6, 1)))
                .isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
    }

    @Test
    void convolutionsPoolingAndMergesOfImagesMatch() throws Exception {
        NetworkDescription network = NetworkDescription.builder("images")
                .then("input", Layer.Input.image(9, 11, 2))
                .then("conv", Layer.Convolution2D.of(4, 3).withPadding(Padding.SAME))
                .then("avgSame", new Layer.Pooling2D(PoolingType.AVG, Size2D.square(3), Size2D.square(2), Padding.SAME))
                .add("strided", new Layer.Convolution2D(5, new Size2D(2, 3), new Size2D(2, 2), Padding.SAME,
                        Activation.ELU, WeightInit.HE, true, null), List.of("conv"))
                .then("maxSame", new Layer.Pooling2D(PoolingType.MAX, Size2D.square(2), Size2D.square(1), Padding.SAME))
                .add("joined", new Layer.Concatenate(), List.of("avgSame", "maxSame"))
                .then("norm", Layer.BatchNormalization.defaults())
                .then("softmax", new Layer.ActivationLayer(Activation.SOFTMAX))
                .add("globalMax", Layer.GlobalPooling.max(), List.of("softmax"))
                .add("flatten", new Layer.Flatten(), List.of("norm"))
                .add("dense", Layer.Dense.of(6), List.of("flatten"))
                .add("avgValid", Layer.Pooling2D.avg(2), List.of("conv"))
                .add("convValid", Layer.Convolution2D.of(4, 2), List.of("conv"))
                .then("poolValid", new Layer.Pooling2D(PoolingType.MAX, Size2D.square(2), Size2D.square(2),
                        Padding.VALID))
                .add("residual", new Layer.Add(), List.of("avgValid", "poolValid"))
                .then("globalAvg", Layer.GlobalPooling.avg())
                .add("both", new Layer.Concatenate(), List.of("globalMax", "dense", "globalAvg"))
                .then("output", Layer.Output.classification(4))
                .build();

        assertThat(exportAndCompare(network, classes(4), randomRows(20, 9 * 11 * 2, 2)))
                .isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
    }

    @Test
    void lstmsOverNumericSequencesMatch() throws Exception {
        NetworkDescription network = NetworkDescription.builder("sequences")
                .then("input", Layer.Input.sequence(3, 7))
                .then("lstm1", Layer.Lstm.of(5, true))
                .then("dropout", Layer.Dropout.of(0.2))
                .then("lstm2", new Layer.Lstm(4, Activation.SOFTPLUS, false, WeightInit.XAVIER, null))
                .add("pool", Layer.GlobalPooling.avg(), List.of("lstm1"))
                .add("joined", new Layer.Concatenate(), List.of("lstm2", "pool"))
                .then("output", Layer.Output.classification(2))
                .build();

        assertThat(exportAndCompare(network, classes(2), randomRows(16, 21, 3)))
                .isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
    }

    /** Padding must not change a text's outputs, in ONNX as in DL4J: the mask is computed from the ids. */
    @Test
    void paddedTextsGiveTheEngineOutputsThroughEveryMaskedNetwork() throws Exception {
        int maxLength = 16;
        Vocabulary vocabulary = Vocabulary.build(
                MaskedTexts.SENTENCES.stream().map(Tokenizer::tokenize).toList(), 1000, 1);
        TextPreprocessing text = new TextPreprocessing("text", "label", List.of("ham", "spam"), vocabulary,
                TextEncoding.SEQUENCE, maxLength, null);
        ArrayDataset texts = text.encodeTexts(MaskedTexts.SENTENCES);
        List<NetworkDescription> networks = new ArrayList<>(MaskedTexts.networks(maxLength));
        // Node names that the graph's helper tensors would otherwise take.
        networks.add(NetworkDescription.builder("embedding, max pooling")
                .then("lengths", Layer.Input.sequence(1, maxLength))
                .then("embedding", Layer.Embedding.of(MaskedTexts.vocabularySize(), 8))
                .then("pool", Layer.GlobalPooling.max())
                .then("mask", Layer.Output.classification(2))
                .build());

        for (NetworkDescription network : networks) {
            assertThat(exportAndCompare(network, text, texts)).as(network.name())
                    .isLessThanOrEqualTo(OnnxRuntimeCheck.TOLERANCE);
        }
    }

    @Test
    void aLayerOnnxCannotExpressIsNamedAndNothingIsWritten() {
        NetworkDescription network = NetworkDescription.builder("gelu lstm")
                .then("input", Layer.Input.sequence(3, 5))
                .then("memory", new Layer.Lstm(4, Activation.GELU, false, WeightInit.XAVIER, null))
                .then("output", Layer.Output.classification(2))
                .build();
        Path file = directory.resolve("gelu.onnx");

        try (ModelBundle bundle = OnnxRuntimeCheck.bundle(network, CONFIG, classes(2),
                new Dl4jGraphBackend().compile(network, CONFIG))) {
            assertThatThrownBy(() -> OnnxExport.write(bundle, file))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("lstm \"memory\"")
                    .hasMessageContaining("gelu")
                    .hasMessageContaining("tanh, sigmoid, relu and softplus");
        }
        assertThat(directory).isEmptyDirectory();
    }
}
