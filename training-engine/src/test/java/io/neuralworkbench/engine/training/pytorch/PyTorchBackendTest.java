package io.neuralworkbench.engine.training.pytorch;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Loss;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Padding;
import io.neuralworkbench.engine.network.PoolingType;
import io.neuralworkbench.engine.network.Size2D;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.network.WeightInit;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;
import io.neuralworkbench.engine.training.ParameterSnapshot;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Weights trained in PyTorch must mean the same in DL4J, in both directions. */
class PyTorchBackendTest {
    private static final double TOLERANCE = 1e-4;
    private final PyTorchBackend backend = new PyTorchBackend();

    /** A network, the width of its feature rows and outputs, and the vocabulary when its inputs are token ids. */
    record Case(String name, NetworkDescription network, int features, int outputs, int vocabulary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> networks() {
        return Stream.of(
                new Case("mlp classifier", Templates.mlpClassifier(4, 3), 4, 3, 0),
                new Case("lenet", Templates.lenet(28, 28, 1, 10), 28 * 28, 10, 0),
                new Case("text classifier", Templates.textClassifier(50, 12, 2), 12, 2, 50),
                new Case("lstm classifier", Templates.lstmClassifier(3, 7, 4), 3 * 7, 4, 0),
                new Case("residual cnn", Templates.residualCnn(8, 8, 3, 5), 8 * 8 * 3, 5, 0),
                // Flatten right after an image input: the rows arrive flat already, in channel-row-column order.
                new Case("flattened image mlp", NetworkDescription.builder("image mlp")
                        .then("input", Layer.Input.image(6, 5, 2))
                        .then("flatten", new Layer.Flatten())
                        .then("dense", Layer.Dense.of(7))
                        .then("output", Layer.Output.classification(3))
                        .build(), 6 * 5 * 2, 3, 0),
                new Case("branches with odd SAME padding", branchingImageNetwork(), 9 * 9 * 2, 3, 0),
                new Case("lstm over every step, regression", sequenceRegressor(), 2 * 6, 2, 0),
                new Case("token ids in a flat row, batch norm on a vector", flatTokenClassifier(), 10, 3, 30));
    }

    /**
     * Strided SAME convolution and SAME pooling on an odd size (padding only at the bottom and right),
     * concatenation, batch norm over channels, dropout and less common activations.
     */
    private static NetworkDescription branchingImageNetwork() {
        return NetworkDescription.builder("branches")
                .then("input", Layer.Input.image(9, 9, 2))
                .then("conv", new Layer.Convolution2D(4, Size2D.square(2), Size2D.square(2), Padding.SAME,
                        Activation.GELU, WeightInit.XAVIER_UNIFORM, true, null))
                .add("avg", new Layer.Pooling2D(PoolingType.AVG, Size2D.square(3), Size2D.square(2), Padding.SAME),
                        List.of("input"))
                .add("join", new Layer.Concatenate(), List.of("conv", "avg"))
                .then("norm", Layer.BatchNormalization.defaults())
                .then("max", new Layer.Pooling2D(PoolingType.MAX, Size2D.square(2), Size2D.square(2), Padding.SAME))
                .then("dropout", Layer.Dropout.of(0.3))
                .then("flatten", new Layer.Flatten())
                .then("dense", Layer.Dense.of(8, Activation.SWISH))
                .then("output", Layer.Output.classification(3))
                .build();
    }

    private static NetworkDescription sequenceRegressor() {
        return NetworkDescription.builder("sequence regressor")
                .then("input", Layer.Input.sequence(2, 6))
                .then("lstm", Layer.Lstm.of(5, true))
                .then("pool", Layer.GlobalPooling.max())
                .then("dense", Layer.Dense.of(4, Activation.ELU))
                .then("output", Layer.Output.regression(2))
                .build();
    }

    private static NetworkDescription flatTokenClassifier() {
        return NetworkDescription.builder("flat tokens")
                .then("input", Layer.Input.flat(10))
                .then("embedding", Layer.Embedding.of(30, 6))
                .then("pool", Layer.GlobalPooling.max())
                .then("dense", Layer.Dense.of(8, Activation.LEAKY_RELU))
                .then("norm", Layer.BatchNormalization.defaults())
                .then("output", Layer.Output.classification(3))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void weightsInitialisedOrTrainedInPyTorchGiveTheSameOutputsInDl4j(Case c) {
        float[][] inputs = randomData(c, 32, 5).features();
        try (PyTorchModel pyTorch = backend.compile(c.network(), TrainingConfig.defaults().withLearningRate(0.01))) {
            assertSameOutputsInDl4j(pyTorch, inputs);
            trainFewSteps(pyTorch, c);
            assertSameOutputsInDl4j(pyTorch, inputs);
        }
    }

    private static void assertSameOutputsInDl4j(PyTorchModel pyTorch, float[][] inputs) {
        try (TrainableModel dl4j = pyTorch.toDl4j()) {
            assertThat(dl4j.parameterCount()).isEqualTo(pyTorch.parameterCount());
            assertThat(maxDifference(pyTorch.predict(inputs), dl4j.predict(inputs))).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void aSavedModelIsAPlainDl4jZipThatLoadsBackIntoPyTorch(Case c, @TempDir Path directory) throws Exception {
        Path file = directory.resolve("model.zip");
        float[][] inputs = randomData(c, 16, 6).features();
        try (PyTorchModel original = trainedFewSteps(c)) {
            original.save(file);
            try (TrainableModel loaded = backend.load(file, c.network());
                 TrainableModel dl4j = new Dl4jGraphBackend().load(file, c.network())) {
                float[][] expected = original.predict(inputs);
                assertThat(loaded).isInstanceOf(PyTorchModel.class);
                assertThat(maxDifference(expected, loaded.predict(inputs))).isLessThanOrEqualTo(1e-6);
                assertThat(maxDifference(expected, dl4j.predict(inputs))).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerType.class)
    void theLossAndItsL2PenaltyAreTheOnesDl4jReports(OptimizerType type) {
        Case regression = new Case("regression", Templates.mlpRegressor(4, 2), 4, 2, 0);
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.of(type)).withL2(0.05);
        ArrayDataset data = randomData(regression, 24, 8);
        try (PyTorchModel pyTorch = backend.compile(regression.network(), config);
             BackendData pyTorchData = pyTorch.upload(data)) {
            double before = pyTorch.meanLoss(pyTorchData);
            for (int step = 0; step < 5; step++) {
                pyTorch.fitBatch(pyTorchData, IntStream.range(0, 24).toArray());
            }
            try (TrainableModel dl4j = pyTorch.toDl4j(); BackendData dl4jData = dl4j.upload(data)) {
                double after = pyTorch.meanLoss(pyTorchData);
                assertThat(after).isLessThan(before).isCloseTo(dl4j.meanLoss(dl4jData), offset(TOLERANCE));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"CROSS_ENTROPY, SOFTMAX", "BINARY_CROSS_ENTROPY, SIGMOID", "MSE, IDENTITY", "MAE, IDENTITY"})
    void everyLossIsTheOneDl4jComputes(Loss loss, Activation activation) {
        NetworkDescription network = Templates.mlpClassifier(4, 3)
                .withLayer("output", new Layer.Output(3, activation, loss, WeightInit.XAVIER, null));
        Case c = new Case(loss.name(), network, 4, 3, 0);
        ArrayDataset data = randomData(c, 24, 12);
        try (PyTorchModel pyTorch = trainedFewSteps(c);
             BackendData pyTorchData = pyTorch.upload(data);
             TrainableModel dl4j = pyTorch.toDl4j();
             BackendData dl4jData = dl4j.upload(data)) {
            assertThat(pyTorch.meanLoss(pyTorchData)).isCloseTo(dl4j.meanLoss(dl4jData), offset(TOLERANCE));
        }
    }

    @Test
    void aChangedLearningRateTakesEffectAtTheNextBatch() {
        Case mlp = new Case("mlp", Templates.mlpClassifier(4, 3), 4, 3, 0);
        ArrayDataset data = randomData(mlp, 16, 9);
        int[] rows = IntStream.range(0, 16).toArray();
        try (PyTorchModel model = backend.compile(mlp.network(), TrainingConfig.defaults().withOptimizer(
                Optimizer.of(OptimizerType.SGD)));
             BackendData uploaded = model.upload(data)) {
            float[][] before = model.predict(uploaded);
            model.setLearningRate(0);
            model.fitBatch(uploaded, rows);
            assertThat(maxDifference(before, model.predict(uploaded))).isZero();
            model.setLearningRate(0.5);
            model.fitBatch(uploaded, rows);
            assertThat(maxDifference(before, model.predict(uploaded))).isGreaterThan(1e-3);
        }
    }

    @Test
    void aRestoredSnapshotBringsBackWeightsAndBatchNormStatistics() {
        Case residual = networks().filter(c -> c.name().equals("residual cnn")).findFirst().orElseThrow();
        float[][] inputs = randomData(residual, 8, 10).features();
        try (PyTorchModel model = trainedFewSteps(residual); BackendData data = model.upload(randomData(residual, 16, 11))) {
            float[][] before = model.predict(inputs);
            ParameterSnapshot snapshot = model.snapshot();
            model.fitBatch(data, IntStream.range(0, 16).toArray());
            assertThat(maxDifference(before, model.predict(inputs))).isGreaterThan(1e-6);
            model.restore(snapshot);
            assertThat(maxDifference(before, model.predict(inputs))).isZero();
        }
    }

    @Test
    void aLayerPyTorchCannotReproduceIsReportedByNodeAndKindBeforeTraining() {
        NetworkDescription network = NetworkDescription.builder("relu lstm")
                .then("input", Layer.Input.sequence(3, 5))
                .then("memory", new Layer.Lstm(8, Activation.RELU, false, WeightInit.XAVIER, null))
                .then("output", Layer.Output.classification(2))
                .build();
        assertThatThrownBy(() -> backend.compile(network, TrainingConfig.defaults()))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("memory").hasMessageContaining("lstm").hasMessageContaining("RELU");
    }

    /** A model whose weights and batch-norm statistics have moved away from their initial values. */
    private PyTorchModel trainedFewSteps(Case c) {
        PyTorchModel model = backend.compile(c.network(), TrainingConfig.defaults().withLearningRate(0.01));
        trainFewSteps(model, c);
        return model;
    }

    private static void trainFewSteps(PyTorchModel model, Case c) {
        try (BackendData data = model.upload(randomData(c, 16, 4))) {
            for (int step = 0; step < 3; step++) {
                model.fitBatch(data, IntStream.range(0, 16).toArray());
            }
        }
    }

    /** Random features (token ids below the vocabulary when the case has one) and one-hot targets. */
    static ArrayDataset randomData(Case c, int rows, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[rows][c.features()];
        float[][] y = new float[rows][c.outputs()];
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < c.features(); f++) {
                x[i][f] = c.vocabulary() > 0 ? random.nextInt(c.vocabulary()) : (float) random.nextGaussian();
            }
            y[i][i % c.outputs()] = 1f;
        }
        return new ArrayDataset(x, y, IntStream.range(0, c.outputs()).mapToObj(k -> "c" + k).toList());
    }

    static double maxDifference(float[][] a, float[][] b) {
        assertThat(b).hasDimensions(a.length, a[0].length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
