package io.neuralworkbench.engine.training.dl4j;

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

/** The padding masks of text data reach DL4J's graph: padding to 20 or to 60 tokens computes the same. */
class Dl4jFeatureMaskTest {
    private final Dl4jGraphBackend backend = new Dl4jGraphBackend();

    @ParameterizedTest(name = "network {0}")
    @ValueSource(ints = {0, 1, 2})
    void theSameSentencesPaddedTo20Or60GiveTheSameOutputsLossesAndTrainingSteps(int network) {
        NetworkDescription short20 = MaskedTexts.networks(20).get(network);
        NetworkDescription long60 = MaskedTexts.networks(60).get(network);
        ArrayDataset padded20 = MaskedTexts.encoded(20);
        ArrayDataset padded60 = MaskedTexts.encoded(60);
        TrainingConfig config = TrainingConfig.defaults().withLearningRate(0.01);
        int[] rows = IntStream.range(0, padded20.size()).toArray();
        try (TrainableModel model20 = backend.compile(short20, config);
             TrainableModel model60 = backend.compile(long60, config);
             BackendData data20 = model20.upload(padded20);
             BackendData data60 = model60.upload(padded60)) {
            model60.restore(model20.snapshot());

            float[][] outputs20 = model20.predict(data20);
            assertThat(maxDifference(outputs20, model60.predict(data60))).isLessThanOrEqualTo(1e-6);
            assertThat(model20.meanLoss(data20)).isCloseTo(model60.meanLoss(data60), offset(1e-6));
            assertThat(model20.fitBatch(data20, rows)).isCloseTo(model60.fitBatch(data60, rows), offset(1e-6));
            assertThat(maxDifference(model20.predict(data20), model60.predict(data60))).isLessThanOrEqualTo(1e-5);
            // Without the masks the padding would be averaged in: proof that the masks are what makes the difference.
            assertThat(maxDifference(outputs20, model60.predict(padded60.features()))).isGreaterThan(1e-4);
            // The empty sentence (one unknown token, mask 1 at the first step) pools to a number, not NaN.
            assertThat(outputs20[3]).doesNotContain(Float.NaN);
            assertThat(outputs20[3][0] + outputs20[3][1]).isCloseTo(1f, offset(1e-5f));
        }
    }
}
