package io.neuralworkbench.engine.training.pytorch;

import io.neuralworkbench.engine.training.LayerParameters;
import io.neuralworkbench.engine.training.SyntheticData;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The PyTorch backend lists parameters and activations under the same layer names as DL4J's, for the same views. */
class PyTorchInspectionTest {
    private static final float[][] ROWS = {{0, 1, 2, 3}, {1, 0, -1, 0.5f}};

    @Test
    void layersParametersAndActivationsAreNamedAndShapedAsWithDl4j() {
        TrainingConfig config = TrainingConfig.defaults();
        try (TrainableModel torch = new PyTorchBackend().compile(SyntheticData.smallClassifier(), config);
             TrainableModel dl4j = new Dl4jGraphBackend().compile(SyntheticData.smallClassifier(), config)) {
            List<LayerParameters> torchParameters = torch.layerParameters();
            assertThat(torchParameters).extracting(p -> p.layer() + "/" + p.name())
                    .containsExactlyInAnyOrderElementsOf(dl4j.layerParameters().stream()
                            .map(p -> p.layer() + "/" + p.name()).toList());
            assertThat(torchParameters.stream().mapToLong(p -> p.values().length).sum())
                    .isEqualTo(torch.parameterCount());

            Map<String, float[]> activations = torch.layerActivations(ROWS);
            assertThat(activations.keySet()).containsExactlyElementsOf(dl4j.layerActivations(ROWS).keySet());
            assertThat(activations.get("hidden")).hasSize(2 * 16);
            float[] output = activations.get("output"); // probabilities, as DL4J reports its output layer
            assertThat(output[0] + output[1] + output[2]).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void bothBackendsGiveLeNetsFirstConvolutionKernelsAsOutInHeightWidth() {
        var lenet = io.neuralworkbench.engine.network.Templates.lenet(28, 28, 1, 10);
        try (TrainableModel torch = new PyTorchBackend().compile(lenet, TrainingConfig.defaults());
             TrainableModel dl4j = new Dl4jGraphBackend().compile(lenet, TrainingConfig.defaults())) {
            for (TrainableModel model : List.of(torch, dl4j)) {
                LayerParameters first = model.layerParameters().stream().filter(LayerParameters::isConvolutionKernel)
                        .findFirst().orElseThrow();
                assertThat(first.shape()).hasSize(4);
                assertThat(first.shape()[1]).as("one input channel").isEqualTo(1);
                assertThat(first.shape()[2]).isEqualTo(first.shape()[3]);
                assertThat(first.values()).hasSize((int) (first.shape()[0] * first.shape()[2] * first.shape()[3]));
            }
        }
    }
}
