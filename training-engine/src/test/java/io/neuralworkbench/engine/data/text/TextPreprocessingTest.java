package io.neuralworkbench.engine.data.text;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextPreprocessingTest {
    /** call=2, free=3, now=4, win=5. */
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of("call", "free", "now", "win"));
    private static final List<String> CLASSES = List.of("ham", "spam");

    private static TextPreprocessing sequences(int maxLength) {
        return new TextPreprocessing("SMS", "Label", CLASSES, VOCABULARY, TextEncoding.SEQUENCE, maxLength, null);
    }

    @Test
    void aSequenceIsTheTokenIndicesPaddedWithAMaskOfTheRealTokens() {
        TextPreprocessing.EncodedText encoded = sequences(6).encode("Call now, FREE offer!");

        assertThat(encoded.features()).containsExactly(2, 4, 3, 1, 0, 0);
        assertThat(encoded.mask()).containsExactly(1, 1, 1, 1, 0, 0);
    }

    @Test
    void aLongTextKeepsItsFirstTokens() {
        TextPreprocessing.EncodedText encoded = sequences(3).encode("win win call now free");

        assertThat(encoded.features()).containsExactly(5, 5, 2);
        assertThat(encoded.mask()).containsExactly(1, 1, 1);
    }

    @Test
    void aTextWithoutWordsIsOneUnknownTokenSoItsMaskIsNeverAllZero() {
        for (String empty : new String[] {null, "", "?!..."}) {
            TextPreprocessing.EncodedText encoded = sequences(4).encode(empty);

            assertThat(encoded.features()).containsExactly(Vocabulary.OUT_OF_VOCABULARY, 0, 0, 0);
            assertThat(encoded.mask()).containsExactly(1, 0, 0, 0);
        }
    }

    @Test
    void theInputShapeIsWhatTheTextClassifierTemplatesInputTakes() {
        assertThat(sequences(60).inputShape()).isEqualTo(new Shape.Sequence(1, 60));
        assertThat(sequences(60).featureCount()).isEqualTo(60);
        TextPreprocessing bag = new TextPreprocessing("SMS", "Label", CLASSES, VOCABULARY, TextEncoding.BAG_OF_WORDS,
                0, null);
        assertThat(bag.inputShape()).isEqualTo(new Shape.Flat(VOCABULARY.size()));
        assertThat(bag.featureCount()).isEqualTo(6);
    }

    @Test
    void bagOfWordsCountsEachIndexAndHasNoMask() {
        TextPreprocessing bag = new TextPreprocessing("SMS", "Label", CLASSES, VOCABULARY, TextEncoding.BAG_OF_WORDS,
                0, null);

        TextPreprocessing.EncodedText encoded = bag.encode("win win, call me");

        assertThat(encoded.features()).containsExactly(0, 1, 1, 0, 0, 2);
        assertThat(encoded.mask()).isNull();
    }

    @Test
    void tfIdfWeighsRareWordsMoreAndHasLengthOne() {
        List<List<String>> training = List.of(List.of("call", "now"), List.of("call", "free"), List.of("call", "win"),
                List.of("hello"));
        List<Double> idf = TextPreprocessing.inverseDocumentFrequencies(VOCABULARY, training);
        // ln((1 + 4) / (1 + df)) + 1: "call" is in 3 of 4 texts, "now" in 1, unknown ("hello") in 1.
        assertThat(idf.get(2)).isCloseTo(Math.log(5.0 / 4) + 1, within(1e-12));
        assertThat(idf.get(4)).isCloseTo(Math.log(5.0 / 2) + 1, within(1e-12));
        assertThat(idf.get(Vocabulary.OUT_OF_VOCABULARY)).isCloseTo(Math.log(5.0 / 2) + 1, within(1e-12));
        TextPreprocessing tfIdf = new TextPreprocessing("SMS", "Label", CLASSES, VOCABULARY, TextEncoding.TF_IDF, 0,
                idf);

        float[] row = tfIdf.encode("call now").features();

        assertThat(row[4]).isGreaterThan(row[2]);
        double length = 0;
        for (float value : row) {
            length += value * value;
        }
        assertThat(length).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void roundTripsThroughJsonAsAnInputPreprocessingOfKindText() throws Exception {
        TextPreprocessing tfIdf = new TextPreprocessing("SMS", "Label", CLASSES, VOCABULARY, TextEncoding.TF_IDF, 0,
                List.of(0.0, 1.5, 1.2, 1.9, 1.9, 2.0));
        for (TextPreprocessing preprocessing : List.of(sequences(60), tfIdf)) {
            String json = Json.mapper().writerFor(InputPreprocessing.class).writeValueAsString(preprocessing);

            assertThat(json).contains("\"kind\" : \"text\"");
            InputPreprocessing read = Json.mapper().readValue(json, InputPreprocessing.class);
            assertThat(read).isEqualTo(preprocessing);
            assertThat(read.inputShape()).isEqualTo(preprocessing.inputShape());
            assertThat(((TextPreprocessing) read).encode("call now").features())
                    .containsExactly(preprocessing.encode("call now").features());
        }
    }

    @Test
    void encodesUnlabelledTextsWithMasksForPrediction() {
        ArrayDataset texts = sequences(5).encodeTexts(List.of("free call", ""));

        assertThat(texts.size()).isEqualTo(2);
        assertThat(texts.targetCount()).isZero();
        assertThat(texts.featureMasks()[0]).containsExactly(1, 1, 0, 0, 0);
        assertThat(texts.featureMasks()[1]).containsExactly(1, 0, 0, 0, 0);
    }

    @Test
    void transformsALabelledFileAndNamesTheLineOfAnUnknownClass(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("more.tsv");
        Files.writeString(file, "Label\tSMS\nspam\tWIN now\nham\tcall me\n");
        ArrayDataset data = sequences(4).transform(CsvImporter.read(file));
        assertThat(data.targets()).isDeepEqualTo(new float[][] {{0, 1}, {1, 0}});
        assertThat(data.features()[0]).containsExactly(5, 4, 0, 0);

        Files.writeString(file, "Label\tSMS\nspam\tWIN now\nphishing\tcall me\n");
        assertThatUserInputError(() -> sequences(4).transform(CsvImporter.read(file)))
                .hasMessageContaining("more.tsv line 3")
                .hasMessageContaining("\"phishing\" was not in the training data");
    }
}
