package io.neuralworkbench.engine.data.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a text model knows, each with a token index: index 0 is padding, 1 stands for every word not in
 * the vocabulary, and the known words follow from 2 on, most frequent first (ties in alphabetical order, so
 * the same training texts always give the same indices). Immutable; serialized as its list of words.
 */
public final class Vocabulary {
    public static final int PADDING = 0;
    public static final int OUT_OF_VOCABULARY = 1;
    /** Indices taken by padding and the out-of-vocabulary token before the first word. */
    public static final int RESERVED = 2;

    private final List<String> words;
    private final Map<String, Integer> indexOf;

    /** @param words the known words in index order (the word at position i has index i + {@link #RESERVED}) */
    @JsonCreator
    public Vocabulary(@JsonProperty("words") List<String> words) {
        this.words = List.copyOf(words);
        this.indexOf = new HashMap<>();
        for (int i = 0; i < this.words.size(); i++) {
            if (indexOf.put(this.words.get(i), i + RESERVED) != null) {
                throw new IllegalArgumentException("the word " + this.words.get(i) + " appears twice");
            }
        }
    }

    /**
     * The vocabulary of some tokenized texts (the training split only, so nothing is learned from the
     * texts a model is tested on): the {@code maxWords} most frequent words that occur at least
     * {@code minFrequency} times.
     */
    public static Vocabulary build(Iterable<List<String>> tokenizedTexts, int maxWords, int minFrequency) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> tokens : tokenizedTexts) {
            tokens.forEach(token -> counts.merge(token, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> frequent = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= minFrequency).forEach(frequent::add);
        frequent.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return new Vocabulary(frequent.stream().limit(maxWords).map(Map.Entry::getKey).toList());
    }

    @JsonProperty("words")
    public List<String> words() {
        return words;
    }

    /** Every index a token can have, padding and out-of-vocabulary included: an embedding's input size. */
    public int size() {
        return words.size() + RESERVED;
    }

    /** The token index of a word; {@link #OUT_OF_VOCABULARY} for a word not in the vocabulary. */
    public int indexOf(String word) {
        return indexOf.getOrDefault(word, OUT_OF_VOCABULARY);
    }

    /** The word at a token index, or "<pad>" / "<unknown>" for the reserved ones. */
    public String word(int index) {
        return switch (index) {
            case PADDING -> "<pad>";
            case OUT_OF_VOCABULARY -> "<unknown>";
            default -> words.get(index - RESERVED);
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vocabulary vocabulary && vocabulary.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary of " + words.size() + " words";
    }
}
