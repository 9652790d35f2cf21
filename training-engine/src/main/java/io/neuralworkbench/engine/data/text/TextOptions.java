package io.neuralworkbench.engine.data.text;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.SplitFractions;

import java.util.Objects;

/**
 * How texts are turned into training data.
 *
 * @param encoding     sequences of token indices (for an embedding) or word vectors (for an MLP)
 * @param maxLength    tokens kept per text with {@link TextEncoding#SEQUENCE}; longer texts are cut, shorter
 *                     ones padded
 * @param maxWords     the most words the vocabulary keeps (the most frequent ones)
 * @param minFrequency how often a word must occur in the training texts to be in the vocabulary
 * @param split        how the rows are shared between training, validation and test
 * @param seed         seeds the split
 */
public record TextOptions(TextEncoding encoding, int maxLength, int maxWords, int minFrequency, SplitFractions split,
                          long seed) {
    /** @throws UserInputException if a length, size or frequency is below 1 */
    public TextOptions {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(split, "split");
        if (maxLength < 1 || maxWords < 1 || minFrequency < 1) {
            throw new UserInputException("text options need a maximum length, vocabulary size and minimum word"
                    + " frequency of at least 1, not " + maxLength + ", " + maxWords + " and " + minFrequency
                    + " — e.g. 60 tokens, 10000 words, frequency 2");
        }
    }

    /** Sequences of 60 tokens (most short messages fit whole), up to 10,000 words seen at least twice. */
    public static TextOptions defaults() {
        return new TextOptions(TextEncoding.SEQUENCE, 60, 10_000, 2, SplitFractions.DEFAULT, 42);
    }

    public TextOptions withEncoding(TextEncoding newEncoding) {
        return new TextOptions(newEncoding, maxLength, maxWords, minFrequency, split, seed);
    }

    public TextOptions withMaxLength(int newMaxLength) {
        return new TextOptions(encoding, newMaxLength, maxWords, minFrequency, split, seed);
    }

    public TextOptions withVocabulary(int newMaxWords, int newMinFrequency) {
        return new TextOptions(encoding, maxLength, newMaxWords, newMinFrequency, split, seed);
    }

    public TextOptions withSplit(SplitFractions newSplit) {
        return new TextOptions(encoding, maxLength, maxWords, minFrequency, newSplit, seed);
    }

    public TextOptions withSeed(long newSeed) {
        return new TextOptions(encoding, maxLength, maxWords, minFrequency, split, newSeed);
    }
}
