package io.neuralworkbench.engine.training.pytorch;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.MaskedTexts;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static io.neuralworkbench.engine.training.MaskedTexts.maxDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * PyTorch leaves padding out as DL4J does (masked pooling, the LSTM's last real step): padding to 20 or 60
 * tokens computes the same, and the outputs and losses match DL4J's after moving the weights across.
 */
class PyTorchFeatureMaskTest {
    private static final double TOLERANCE = 1e-4;
    private final PyTorchBackend backend = new PyTorchBackend();

    @ParameterizedTest(name = "network {0}")
    @ValueSource(ints = {0, 1, 2})
    void theSameSentencesPaddedTo20Or60GiveTheSameOutputsLossesAndTrainingSteps(int network) {
        MaskedTexts.assertPaddingDoesNotMatter(backend, network);
    }

    @ParameterizedTest(name = "network {0}")
    @ValueSource(ints = {0, 1, 2})
    void maskedOutputsAndLossesMatchDl4jBeforeAndAfterTraining(int network) {
        NetworkDescription description = MaskedTexts.networks(60).get(network);
        ArrayDataset data = MaskedTexts.encoded(60);
        int[] rows = IntStream.range(0, data.size()).toArray();
        try (PyTorchModel pyTorch = backend.compile(description, TrainingConfig.defaults().withLearningRate(0.01));
             BackendData pyTorchData = pyTorch.upload(data)) {
            assertSameAsDl4j(pyTorch, pyTorchData, data);
            for (int step = 0; step < 5; step++) {
                pyTorch.fitBatch(pyTorchData, rows);
            }
            assertSameAsDl4j(pyTorch, pyTorchData, data);
        }
    }

    private static void assertSameAsDl4j(PyTorchModel pyTorch, BackendData pyTorchData, ArrayDataset data) {
        try (TrainableModel dl4j = pyTorch.toDl4j(); BackendData dl4jData = dl4j.upload(data)) {
            assertThat(maxDifference(pyTorch.predict(pyTorchData), dl4j.predict(dl4jData)))
                    .isLessThanOrEqualTo(TOLERANCE);
            assertThat(pyTorch.meanLoss(pyTorchData)).isCloseTo(dl4j.meanLoss(dl4jData), offset(TOLERANCE));
        }
    }
}
