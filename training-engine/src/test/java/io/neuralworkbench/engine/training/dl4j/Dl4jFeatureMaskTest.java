package io.neuralworkbench.engine.training.dl4j;

import io.neuralworkbench.engine.training.MaskedTexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The padding masks of text data reach DL4J's graph: padding to 20 or to 60 tokens computes the same. */
class Dl4jFeatureMaskTest {

    /** Embedding + average pooling, embedding + LSTM's last step, embedding + LSTM + max pooling. */
    @ParameterizedTest(name = "network {0}")
    @ValueSource(ints = {0, 1, 2})
    void theSameSentencesPaddedTo20Or60GiveTheSameOutputsLossesAndTrainingSteps(int network) {
        MaskedTexts.assertPaddingDoesNotMatter(new Dl4jGraphBackend(), network);
    }
}
