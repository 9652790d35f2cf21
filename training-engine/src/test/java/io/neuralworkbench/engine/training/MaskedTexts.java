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
