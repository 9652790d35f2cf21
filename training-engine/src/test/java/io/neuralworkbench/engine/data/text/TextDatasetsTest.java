package io.neuralworkbench.engine.data.text;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.ClassWeights;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.data.SplitFractions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextDatasetsTest {

    @Test
    void smsSpamSplitsStratifiedIntoMaskedSequences() {
        PreparedInputs data = TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "Label", TextOptions.defaults());

        ArrayDataset train = (ArrayDataset) data.train();
        ArrayDataset test = (ArrayDataset) data.test();
        assertThat(train.size() + data.validation().size() + test.size()).isEqualTo(5000);
        assertThat(train.size()).isEqualTo(3500);
        assertThat(train.classNames()).containsExactly("ham", "spam");
        assertThat(train.hasFeatureMasks()).isTrue();
        assertThat(train.featureCount()).isEqualTo(60);
        assertThat(ClassWeights.classCounts(test)[1]).isBetween(100, 102); // 15 % of 673 spam
        for (int i = 0; i < train.size(); i++) {
            float[] mask = train.featureMasks()[i];
            float[] tokens = train.features()[i];
            assertThat(mask[0]).isEqualTo(1f);
            for (int step = 0; step < mask.length; step++) {
                // Padding is exactly where the mask is 0, and only at the end.
                assertThat(tokens[step] == 0).isEqualTo(mask[step] == 0);
                if (step > 0 && mask[step] == 1) {
                    assertThat(mask[step - 1]).isEqualTo(1f);
                }
            }
        }
        TextPreprocessing preprocessing = (TextPreprocessing) data.preprocessing();
        assertThat(preprocessing.vocabulary().size()).isBetween(1000, 10_002);
        assertThat(data.sourceName()).isEqualTo("sms-spam.tsv");
        assertThat(data.fingerprint()).hasSize(64);
    }

    @Test
    void reportsTheClassImbalanceWithBalancedWeights() {
        PreparedInputs data = TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "Label", TextOptions.defaults());

        assertThat(data.notes()).contains("classes: ham 4327 (86.5 %), spam 673 (13.5 %)");
        // 5000 / (2 × 4327) and 5000 / (2 × 673)
        assertThat(data.notes()).anyMatch(note -> note.contains("balanced class weights ham 0.58, spam 3.71"));
        List<Double> weights = ClassWeights.balanced((ArrayDataset) data.train());
        assertThat(weights.get(0)).isCloseTo(3500.0 / (2 * 3029), within(1e-9));
        assertThat(weights.get(1)).isCloseTo(3500.0 / (2 * 471), within(1e-9));
    }

    @Test
    void balancedWeightsAreOneForEquallyCommonClasses() {
        assertThat(ClassWeights.balanced(new int[] {5, 5, 5})).containsExactly(1.0, 1.0, 1.0);
        assertThat(ClassWeights.balanced(new int[] {6, 2})).containsExactly(8.0 / 12, 8.0 / 4);
    }

    /**
     * Every text has its own word (twice, so it passes the frequency threshold in training): the vocabulary
     * must hold exactly the words of the training texts, and each validation or test text must read its own
     * word as unknown.
     */
    @Test
    void theVocabularyComesFromTheTrainingSplitOnly(@TempDir Path folder) throws IOException {
        StringBuilder file = new StringBuilder("label\ttext\n");
        for (int i = 0; i < 40; i++) {
            String ownWord = "own" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            file.append(i % 2 == 0 ? "a" : "b").append("\tshared ").append(ownWord).append(' ').append(ownWord)
                    .append('\n');
        }
        Path tsv = folder.resolve("own-words.tsv");
        Files.writeString(tsv, file);

        PreparedInputs data = TextDatasets.fromTable(tsv, "text", "label",
                TextOptions.defaults().withMaxLength(3).withVocabulary(1000, 2));

        Vocabulary vocabulary = ((TextPreprocessing) data.preprocessing()).vocabulary();
        ArrayDataset train = (ArrayDataset) data.train();
        Set<String> trainWords = new HashSet<>();
        for (float[] row : train.features()) {
            assertThat(row[1]).isEqualTo(row[2]).isNotEqualTo(Vocabulary.OUT_OF_VOCABULARY);
            trainWords.add(vocabulary.word((int) row[1]));
        }
        List<String> expected = new ArrayList<>(trainWords);
        expected.add("shared");
        assertThat(vocabulary.words()).containsExactlyInAnyOrderElementsOf(expected);
        for (ArrayDataset heldOut : List.of((ArrayDataset) data.validation(), (ArrayDataset) data.test())) {
            assertThat(heldOut.size()).isPositive();
            for (float[] row : heldOut.features()) {
                assertThat(row).containsExactly(vocabulary.indexOf("shared"), Vocabulary.OUT_OF_VOCABULARY,
                        Vocabulary.OUT_OF_VOCABULARY);
            }
        }
    }

    @Test
    void aRowWithAnEmptyTextIsKeptAsOneUnknownWordAndNoted(@TempDir Path folder) throws IOException {
        Path tsv = folder.resolve("with-empty.tsv");
        Files.writeString(tsv, "label\ttext\n" + "ham\thello there\n".repeat(5) + "spam\t\n" + "spam\twin cash\n".repeat(5)
                + "ham\t...\n");

        PreparedInputs data = TextDatasets.fromTable(tsv, "text", "label",
                TextOptions.defaults().withVocabulary(100, 1).withSplit(new SplitFractions(1, 0, 0)));

        assertThat(data.train().size()).isEqualTo(12);
        assertThat(data.notes()).contains(
                "2 texts in \"text\" have no words (with-empty.tsv lines 7, 13) and read as a single unknown word");
        ArrayDataset train = (ArrayDataset) data.train();
        int unknownOnly = 0;
        for (int i = 0; i < train.size(); i++) {
            if (train.features()[i][0] == Vocabulary.OUT_OF_VOCABULARY) {
                unknownOnly++;
                assertThat(train.featureMasks()[i][0]).isEqualTo(1f);
                assertThat(train.featureMasks()[i][1]).isZero();
            }
        }
        assertThat(unknownOnly).isEqualTo(2);
    }

    @Test
    void rowsWithoutALabelAreLeftOutAndNamed(@TempDir Path folder) throws IOException {
        Path tsv = folder.resolve("unlabelled.tsv");
        Files.writeString(tsv, "label\ttext\nham\thi\n\tno label here\nspam\twin\nham\tok\nspam\tcash\n");

        PreparedInputs data = TextDatasets.fromTable(tsv, "text", "label",
                TextOptions.defaults().withSplit(new SplitFractions(1, 0, 0)));

        assertThat(data.train().size()).isEqualTo(4);
        assertThat(data.notes()).contains("1 rows without a label in \"label\" are left out (unlabelled.tsv line 3)");
    }

    @Test
    void badInputIsAUserErrorThatSaysWhatToDo(@TempDir Path folder) throws IOException {
        TextOptions options = TextOptions.defaults();
        assertThatUserInputError(() -> TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "Text", "Label", options))
                .hasMessageContaining("no column \"Text\"").hasMessageContaining("SMS");
        assertThatUserInputError(() -> TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "label", options))
                .hasMessageContaining("did you mean \"Label\"");
        assertThatUserInputError(() -> TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "SMS", options))
                .hasMessageContaining("both \"SMS\"");

        Path oneClass = folder.resolve("one-class.tsv");
        Files.writeString(oneClass, "label\ttext\nham\thi\nham\tok\n");
        assertThatUserInputError(() -> TextDatasets.fromTable(oneClass, "text", "label", options))
                .hasMessageContaining("only one class (\"ham\")").hasMessageContaining("at least two classes");

        Path empty = folder.resolve("empty.tsv");
        Files.writeString(empty, "");
        assertThatUserInputError(() -> TextDatasets.fromTable(empty, "text", "label", options))
                .hasMessageContaining("empty.tsv is empty");

        Path noLabels = folder.resolve("no-labels.tsv");
        Files.writeString(noLabels, "label\ttext\n\thi\n\tok\n");
        assertThatUserInputError(() -> TextDatasets.fromTable(noLabels, "text", "label", options))
                .hasMessageContaining("has no values");

        assertThatUserInputError(() -> TextDatasets.fromTable(folder.resolve("missing.tsv"), "text", "label", options))
                .hasMessageContaining("does not exist");
        assertThatUserInputError(() -> options.withMaxLength(0)).hasMessageContaining("at least 1");
    }

    @Test
    void tfIdfGivesUnitVectorsOfVocabularySizeWithoutMasks() {
        PreparedInputs data = TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "Label",
                TextOptions.defaults().withEncoding(TextEncoding.TF_IDF).withVocabulary(2000, 2));

        ArrayDataset train = (ArrayDataset) data.train();
        assertThat(train.hasFeatureMasks()).isFalse();
        assertThat(train.featureCount()).isEqualTo(2002);
        assertThat(data.preprocessing().featureCount()).isEqualTo(2002);
        double squares = 0;
        for (float value : train.features()[0]) {
            squares += value * value;
        }
        assertThat(squares).isCloseTo(1.0, within(1e-5));
    }
}
