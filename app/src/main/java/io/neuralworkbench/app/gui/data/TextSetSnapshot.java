package io.neuralworkbench.app.gui.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What the data view shows of labelled texts: example texts per class, the vocabulary the training split gives
 * under the project's text options, and how long the texts are in tokens.
 *
 * @param examples        per class (in {@code classNames} order), its first few texts
 * @param vocabularyWords the known words of the vocabulary (padding and the unknown-word token not counted)
 * @param lengths         tokens per text over every labelled row
 * @param maxLength       the tokens a sequence keeps (the text options' maximum length)
 * @param notes           the engine's notes on the texts (left-out rows, class balance, cut texts)
 */
public record TextSetSnapshot(Path file, String textColumn, String labelColumn, List<String> classNames,
                              List<Integer> classCounts, List<List<String>> examples, int vocabularyWords,
                              LengthStatistics lengths, int maxLength, List<String> notes) {
    public TextSetSnapshot {
        classNames = List.copyOf(classNames);
        classCounts = List.copyOf(classCounts);
        examples = examples.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /**
     * Tokens per text.
     *
     * @param longerThanMax texts with more tokens than the maximum length, which a sequence cuts
     */
    public record LengthStatistics(int min, double median, double mean, int percentile95, int max,
                                   int longerThanMax) {
    }
}
