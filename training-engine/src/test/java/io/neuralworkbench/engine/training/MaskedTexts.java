package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.data.text.Tokenizer;
import io.neuralworkbench.engine.data.text.Vocabulary;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * A few short messages encoded as padded, masked token sequences, and networks that read them: for checking
 * that padding does not change what a backend computes.
 */
public final class MaskedTexts {
    public static final List<String> SENTENCES = List.of(
            "Free entry in a weekly competition to win the cup final tickets",
            "Ok lar joking with you",
            "WINNER you have been selected to receive a prize call now",
            "",
            "Sorry I will call later",
            "U dun say so early hor you see already then say");
    private static final Vocabulary VOCABULARY = Vocabulary.build(SENTENCES.stream().map(Tokenizer::tokenize).toList(),
            1000, 1);

    private MaskedTexts() {
    }

    /** Every index a token of {@link #SENTENCES} can have. */
    public static int vocabularySize() {
        return VOCABULARY.size();
    }

    /** The sentences padded to {@code maxLength} tokens, alternately labelled ham and spam, with masks. */
    public static ArrayDataset encoded(int maxLength) {
        TextPreprocessing preprocessing = new TextPreprocessing("text", "label", List.of("ham", "spam"), VOCABULARY,
                TextEncoding.SEQUENCE, maxLength, null);
        ArrayDataset inputs = preprocessing.encodeTexts(SENTENCES);
        float[][] targets = new float[SENTENCES.size()][2];
        for (int i = 0; i < targets.length; i++) {
            targets[i][i % 2] = 1f;
        }
        return new ArrayDataset(inputs.features(), targets, inputs.featureMasks(), inputs.classNames());
    }

    /** Networks over token sequences whose output must not depend on padding, by name. */
    public static List<NetworkDescription> networks(int maxLength) {
        int vocabulary = vocabularySize();
        return List.of(
                Templates.textClassifier(vocabulary, maxLength, 2),
                NetworkDescription.builder("embedding, LSTM, last real step")
                        .then("input", Layer.Input.sequence(1, maxLength))
                        .then("embedding", Layer.Embedding.of(vocabulary, 8))
                        .then("lstm", Layer.Lstm.of(6, false))
                        .then("output", Layer.Output.classification(2))
                        .build(),
                NetworkDescription.builder("embedding, LSTM over every step, max pooling")
                        .then("input", Layer.Input.sequence(1, maxLength))
                        .then("embedding", Layer.Embedding.of(vocabulary, 8))
                        .then("lstm", Layer.Lstm.of(6, true))
                        .then("pool", Layer.GlobalPooling.max())
                        .then("dense", Layer.Dense.of(5, Activation.TANH))
                        .then("output", Layer.Output.classification(2))
                        .build());
    }

    /**
     * Compiles network {@code network} of {@link #networks} for sequences of 20 and of 60 tokens with the same
     * weights, and checks that the sentences padded to either length give the same outputs, loss and training
     * step — and that without the masks they would not.
     */
    public static void assertPaddingDoesNotMatter(TrainingBackend backend, int network) {
        ArrayDataset padded20 = encoded(20);
        ArrayDataset padded60 = encoded(60);
        TrainingConfig config = TrainingConfig.defaults().withLearningRate(0.01);
        int[] rows = IntStream.range(0, padded20.size()).toArray();
        try (TrainableModel model20 = backend.compile(networks(20).get(network), config);
             TrainableModel model60 = backend.compile(networks(60).get(network), config);
             BackendData data20 = model20.upload(padded20);
             BackendData data60 = model60.upload(padded60)) {
            model60.restore(model20.snapshot());

            float[][] outputs20 = model20.predict(data20);
            assertThat(maxDifference(outputs20, model60.predict(data60))).isLessThanOrEqualTo(1e-6);
            assertThat(model20.meanLoss(data20)).isCloseTo(model60.meanLoss(data60), offset(1e-6));
            assertThat(model20.fitBatch(data20, rows)).isCloseTo(model60.fitBatch(data60, rows), offset(1e-6));
            assertThat(maxDifference(model20.predict(data20), model60.predict(data60))).isLessThanOrEqualTo(1e-5);
            // Without the masks the padding would count: proof that the masks are what makes the difference.
            assertThat(maxDifference(outputs20, model60.predict(padded60.features()))).isGreaterThan(1e-4);
            // The empty sentence (one unknown token, mask 1 at the first step) pools to a number, not NaN.
            assertThat(outputs20[3]).doesNotContain(Float.NaN);
            assertThat(outputs20[3][0] + outputs20[3][1]).isCloseTo(1f, offset(1e-5f));
        }
    }

    public static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
