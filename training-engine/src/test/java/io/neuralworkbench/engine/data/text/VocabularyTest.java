package io.neuralworkbench.engine.data.text;

import io.neuralworkbench.engine.util.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {
    private static final List<List<String>> TEXTS = List.of(
            List.of("call", "me", "now"),
            List.of("call", "now", "free"),
            List.of("free", "call", "ok"),
            List.of("bye"));

    @Test
    void ordersWordsByFrequencyThenAlphabeticallyAfterPaddingAndUnknown() {
        Vocabulary vocabulary = Vocabulary.build(TEXTS, 100, 1);

        assertThat(vocabulary.words()).containsExactly("call", "free", "now", "bye", "me", "ok");
        assertThat(vocabulary.indexOf("call")).isEqualTo(2);
        assertThat(vocabulary.indexOf("free")).isEqualTo(3);
        assertThat(vocabulary.size()).isEqualTo(8);
        assertThat(vocabulary.word(Vocabulary.PADDING)).isEqualTo("<pad>");
        assertThat(vocabulary.word(Vocabulary.OUT_OF_VOCABULARY)).isEqualTo("<unknown>");
        assertThat(vocabulary.word(4)).isEqualTo("now");
    }

    @Test
    void keepsOnlyFrequentWordsUpToTheMaximumSize() {
        Vocabulary vocabulary = Vocabulary.build(TEXTS, 2, 2);

        assertThat(vocabulary.words()).containsExactly("call", "free");
        assertThat(vocabulary.indexOf("now")).isEqualTo(Vocabulary.OUT_OF_VOCABULARY);
        assertThat(vocabulary.indexOf("never seen")).isEqualTo(Vocabulary.OUT_OF_VOCABULARY);
    }

    @Test
    void theSameTextsInAnotherOrderGiveTheSameIndices() {
        List<List<String>> reversed = List.of(TEXTS.get(3), TEXTS.get(2), TEXTS.get(1), TEXTS.get(0));

        assertThat(Vocabulary.build(reversed, 100, 1)).isEqualTo(Vocabulary.build(TEXTS, 100, 1));
    }

    @Test
    void roundTripsThroughJsonAsItsWords() throws Exception {
        Vocabulary vocabulary = Vocabulary.build(TEXTS, 100, 1);

        String json = Json.mapper().writeValueAsString(vocabulary);

        assertThat(json).contains("\"words\"");
        Vocabulary read = Json.mapper().readValue(json, Vocabulary.class);
        assertThat(read).isEqualTo(vocabulary);
        assertThat(read.indexOf("ok")).isEqualTo(vocabulary.indexOf("ok"));
    }
}
