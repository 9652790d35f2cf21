package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Loss;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.network.WeightInit;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchModel;
import io.neuralworkbench.engine.util.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.neuralworkbench.engine.training.MaskedTexts.maxDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Class weights in the loss of both backends: the value DL4J defines, the same in PyTorch, and checked. */
class ClassWeightsTrainingTest {
    private static final List<Double> WEIGHTS = List.of(0.5, 3.0, 1.25);
    private static final NetworkDescription NETWORK = SyntheticData.smallClassifier();
    /** Four samples of classes 0, 1, 1, 2. */
    private static final ArrayDataset BATCH = new ArrayDataset(
            new float[][] {{1, 0, 0.5f, -1}, {0, 2, 0, 1}, {-1, 1, 1, 0}, {0.3f, -0.2f, 2, 1}},
            new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}}, List.of("a", "b", "c"));
    private static final TrainingConfig WEIGHTED = TrainingConfig.defaults().withClassWeights(WEIGHTS);

    /** −(1/n) Σ w[class] · ln p[class], from the model's own probabilities. */
    private static double handComputedLoss(float[][] probabilities, List<Double> weights) {
        double sum = 0;
        for (int i = 0; i < BATCH.size(); i++) {
            int c = BATCH.classIndex(i);
            sum += weights.get(c) * Math.log(probabilities[i][c]);
        }
        return -sum / BATCH.size();
    }

    @Test
    void dl4jWeighsEachSamplesCrossEntropyByItsClass() {
        assertWeightedLossIsHandComputed(new Dl4jGraphBackend());
    }

    @Test
    void pyTorchWeighsEachSamplesCrossEntropyByItsClass() {
        assertWeightedLossIsHandComputed(new PyTorchBackend());
    }

    private static void assertWeightedLossIsHandComputed(TrainingBackend backend) {
        try (TrainableModel model = backend.compile(NETWORK, WEIGHTED);
             TrainableModel unweighted = backend.compile(NETWORK, TrainingConfig.defaults());
             BackendData data = model.upload(BATCH);
             BackendData unweightedData = unweighted.upload(BATCH)) {
            float[][] probabilities = model.predict(data);
            double expected = handComputedLoss(probabilities, WEIGHTS);

            assertThat(model.meanLoss(data)).isCloseTo(expected, offset(1e-5));
            assertThat(unweighted.meanLoss(unweightedData))
                    .isCloseTo(handComputedLoss(probabilities, List.of(1.0, 1.0, 1.0)), offset(1e-5))
                    .isNotCloseTo(expected, offset(1e-2));
        }
    }

    @Test
    void pyTorchAndDl4jComputeAndFollowTheSameWeightedLoss() {
        TrainingConfig config = WEIGHTED.withOptimizer(Optimizer.of(OptimizerType.SGD)).withLearningRate(0.1);
        int[] rows = IntStream.range(0, BATCH.size()).toArray();
        try (PyTorchModel pyTorch = new PyTorchBackend().compile(NETWORK, config);
             TrainableModel dl4j = pyTorch.toDl4j();
             BackendData pyTorchData = pyTorch.upload(BATCH);
             BackendData dl4jData = dl4j.upload(BATCH)) {
            assertThat(pyTorch.meanLoss(pyTorchData)).isCloseTo(dl4j.meanLoss(dl4jData), offset(1e-5));
            for (int step = 0; step < 3; step++) {
                assertThat(pyTorch.fitBatch(pyTorchData, rows)).isCloseTo(dl4j.fitBatch(dl4jData, rows), offset(1e-4));
            }
            assertThat(maxDifference(pyTorch.predict(pyTorchData), dl4j.predict(dl4jData))).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void binaryCrossEntropyWeighsEachOutputInBothBackends() {
        NetworkDescription sigmoid = Templates.mlpClassifier(4, 3)
                .withLayer("output", new Layer.Output(3, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY,
                        WeightInit.XAVIER, null));
        try (PyTorchModel pyTorch = new PyTorchBackend().compile(sigmoid, WEIGHTED);
             TrainableModel dl4j = pyTorch.toDl4j();
             TrainableModel unweighted = new Dl4jGraphBackend().compile(sigmoid, TrainingConfig.defaults());
             BackendData pyTorchData = pyTorch.upload(BATCH);
             BackendData dl4jData = dl4j.upload(BATCH)) {
            unweighted.restore(dl4j.snapshot());
            try (BackendData unweightedData = unweighted.upload(BATCH)) {
                assertThat(pyTorch.meanLoss(pyTorchData)).isCloseTo(dl4j.meanLoss(dl4jData), offset(1e-5))
                        .isNotCloseTo(unweighted.meanLoss(unweightedData), offset(1e-3));
            }
        }
    }

    @Test
    void weightsThatDoNotFitTheOutputAreRefusedByBothBackends() {
        TrainingConfig twoWeights = TrainingConfig.defaults().withClassWeights(List.of(1.0, 2.0));
        NetworkDescription regressor = Templates.mlpRegressor(4, 3);
        for (TrainingBackend backend : List.of(new Dl4jGraphBackend(), new PyTorchBackend())) {
            assertThatThrownBy(() -> backend.compile(NETWORK, twoWeights)).isInstanceOf(UserInputException.class)
                    .hasMessage("2 class weights for an output of 3 classes; give one weight per class, in class order.");
            assertThatThrownBy(() -> backend.compile(regressor, WEIGHTED)).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("need a classification output").hasMessageContaining("mean squared error");
        }
        assertThatThrownBy(() -> TrainingConfig.defaults().withClassWeights(List.of(1.0, -1.0, Double.NaN)).check())
                .isInstanceOf(UserInputException.class).hasMessageContaining("positive numbers");
    }

    @Test
    void classWeightsAreInTheJsonOnlyWhenSetAndOldFilesReadWithout() throws Exception {
        String plain = Json.mapper().writeValueAsString(TrainingConfig.defaults());
        assertThat(plain).doesNotContain("classWeights");
        assertThat(Json.mapper().readValue(plain, TrainingConfig.class)).isEqualTo(TrainingConfig.defaults());

        String weighted = Json.mapper().writeValueAsString(WEIGHTED);
        assertThat(weighted).contains("\"classWeights\" : [ 0.5, 3.0, 1.25 ]");
        TrainingConfig read = Json.mapper().readValue(weighted, TrainingConfig.class);
        assertThat(read).isEqualTo(WEIGHTED);
        assertThat(read.classWeights()).containsExactlyElementsOf(WEIGHTS);
    }
}
