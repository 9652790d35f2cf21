package io.neuralworkbench.engine.training.dl4j;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class Dl4jGraphBackendTest {

    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("mlp classifier", Templates.mlpClassifier(4, 3), 4, 3, false),
                Arguments.of("mlp regressor", Templates.mlpRegressor(6, 2), 6, 2, false),
                Arguments.of("lenet", Templates.lenet(28, 28, 1, 10), 28 * 28, 10, false),
                Arguments.of("text classifier", Templates.textClassifier(50, 12, 2), 12, 2, true),
                Arguments.of("lstm classifier", Templates.lstmClassifier(3, 7, 4), 3 * 7, 4, false),
                Arguments.of("residual cnn", Templates.residualCnn(8, 8, 3, 5), 8 * 8 * 3, 5, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateCompilesWithTheParameterCountShapeInferencePredictsAndTrains(
            String name, NetworkDescription network, int features, int outputs, boolean tokenIds) {
        long expectedParameters = ShapeInference.infer(network).totalParameters();
        ArrayDataset data = randomData(16, features, outputs, tokenIds ? 50 : 0);

        try (TrainableModel model = new Dl4jGraphBackend().compile(network, TrainingConfig.defaults());
             BackendData uploaded = model.upload(data)) {
            assertThat(model.parameterCount()).isEqualTo(expectedParameters);
            double loss = model.fitBatch(uploaded, IntStream.range(0, 8).toArray());
            assertThat(loss).isFinite().isPositive();
            float[][] predictions = model.predict(uploaded);
            assertThat(predictions).hasNumberOfRows(16);
            assertThat(predictions[0]).hasSize(outputs);
        }
    }

    /** Random features (token ids below {@code vocabulary} when it is positive) and one-hot targets. */
    private static ArrayDataset randomData(int rows, int features, int outputs, int vocabulary) {
        Random random = new Random(3);
        float[][] x = new float[rows][features];
        float[][] y = new float[rows][outputs];
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < features; f++) {
                x[i][f] = vocabulary > 0 ? random.nextInt(vocabulary) : (float) random.nextGaussian();
            }
            y[i][i % outputs] = 1f;
        }
        return new ArrayDataset(x, y, IntStream.range(0, outputs).mapToObj(k -> "c" + k).toList());
    }

    @Test
    void adamWDecaysTheWeightsOnceAsConfiguredNotTwiceAsDl4jsBuilderWouldHaveIt() {
        TrainingConfig adamW = TrainingConfig.defaults().withOptimizer(Optimizer.of(OptimizerType.ADAMW));
        ComputationGraph graph = new Dl4jGraphBackend().newGraph(Templates.mlpClassifier(4, 3), adamW);

        for (var layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer base) {
                assertThat(base.getRegularization()).as(layer.conf().getLayer().getLayerName())
                        .containsExactly(new WeightDecay(adamW.optimizer().weightDecay(), true));
            }
        }
    }
}
