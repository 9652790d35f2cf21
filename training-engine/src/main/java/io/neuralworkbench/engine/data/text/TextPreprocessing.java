package io.neuralworkbench.engine.data.text;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.network.Shape;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a text into a network input, as fitted on a training split: tokenize ({@link Tokenizer}), look the
 * words up in the {@link Vocabulary}, then encode. With {@link TextEncoding#SEQUENCE} a text becomes its
 * first {@code maxLength} token indices, padded with {@link Vocabulary#PADDING}, plus a mask row (1 for a
 * real token, 0 for padding); with the other encodings a vector of one value per vocabulary index.
 * <p>
 * A text without any word (empty, or only punctuation) reads as a single unknown word: its mask then still
 * has one real step, so masked average pooling never divides by zero, and the model gives it the
 * prediction it learned for unknown words rather than none at all.
 *
 * @param textColumn                 the column holding the texts
 * @param labelColumn                the column holding the classes
 * @param classNames                 the classes in one-hot order
 * @param vocabulary                 the known words, from the training split
 * @param encoding                   how a text becomes numbers
 * @param maxLength                  tokens kept per text with {@link TextEncoding#SEQUENCE}; 0 otherwise
 * @param inverseDocumentFrequencies per token index, with {@link TextEncoding#TF_IDF}; empty otherwise
 */
public record TextPreprocessing(String textColumn, String labelColumn, List<String> classNames,
                                Vocabulary vocabulary, TextEncoding encoding, int maxLength,
                                List<Double> inverseDocumentFrequencies) implements InputPreprocessing {
    public TextPreprocessing {
        Objects.requireNonNull(textColumn, "textColumn");
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(encoding, "encoding");
        classNames = List.copyOf(classNames);
        inverseDocumentFrequencies = inverseDocumentFrequencies == null ? List.of()
                : List.copyOf(inverseDocumentFrequencies);
        if ((encoding == TextEncoding.SEQUENCE) != (maxLength > 0)) {
            throw new IllegalArgumentException("a maximum length belongs to, and only to, the SEQUENCE encoding");
        }
        int idfSize = encoding == TextEncoding.TF_IDF ? vocabulary.size() : 0;
        if (inverseDocumentFrequencies.size() != idfSize) {
            throw new IllegalArgumentException(inverseDocumentFrequencies.size() + " inverse document frequencies"
                    + " for " + idfSize + " token indices");
        }
    }

    /** One text as network input: a feature row and, for sequences, its mask row (null otherwise). */
    public record EncodedText(float[] features, float[] mask) {
    }

    @Override
    public TaskType task() {
        return TaskType.CLASSIFICATION;
    }

    @Override
    public int featureCount() {
        return encoding == TextEncoding.SEQUENCE ? maxLength : vocabulary.size();
    }

    /**
     * Token ids enter an embedding as a sequence of one value per step (both backends read a feature row
     * step after step); word vectors are a flat vector.
     */
    @Override
    public Shape inputShape() {
        return encoding == TextEncoding.SEQUENCE ? new Shape.Sequence(1, maxLength) : new Shape.Flat(vocabulary.size());
    }

    @Override
    public String targetName() {
        return labelColumn;
    }

    /** The network input for one raw text (null counts as empty). */
    public EncodedText encode(String text) {
        return encodeTokens(Tokenizer.tokenize(text));
    }

    EncodedText encodeTokens(List<String> tokens) {
        int[] indices = tokens.isEmpty() ? new int[] {Vocabulary.OUT_OF_VOCABULARY}
                : tokens.stream().mapToInt(vocabulary::indexOf).toArray();
        return switch (encoding) {
            case SEQUENCE -> sequence(indices);
            case BAG_OF_WORDS -> new EncodedText(counts(indices), null);
            case TF_IDF -> new EncodedText(tfIdf(indices), null);
        };
    }

    private EncodedText sequence(int[] indices) {
        float[] features = new float[maxLength];
        float[] mask = new float[maxLength];
        for (int step = 0; step < Math.min(maxLength, indices.length); step++) {
            features[step] = indices[step];
            mask[step] = 1f;
        }
        return new EncodedText(features, mask);
    }

    private float[] counts(int[] indices) {
        float[] counts = new float[vocabulary.size()];
        for (int index : indices) {
            counts[index]++;
        }
        return counts;
    }

    private float[] tfIdf(int[] indices) {
        float[] values = counts(indices);
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                values[i] *= inverseDocumentFrequencies.get(i).floatValue();
                squares += (double) values[i] * values[i];
            }
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < values.length; i++) {
            values[i] /= norm;
        }
        return values;
    }

    /**
     * Inverse document frequency per token index, smoothed as scikit-learn does: ln((1 + n) / (1 + df)) + 1,
     * where df counts the texts containing the token (for the unknown-word index: any word not in the
     * vocabulary). Padding never occurs and gets 0.
     */
    static List<Double> inverseDocumentFrequencies(Vocabulary vocabulary, List<List<String>> tokenizedTexts) {
        int[] documentFrequency = new int[vocabulary.size()];
        for (List<String> tokens : tokenizedTexts) {
            Set<Integer> seen = new HashSet<>();
            if (tokens.isEmpty()) {
                seen.add(Vocabulary.OUT_OF_VOCABULARY);
            }
            tokens.forEach(token -> seen.add(vocabulary.indexOf(token)));
            seen.forEach(index -> documentFrequency[index]++);
        }
        Double[] idf = new Double[vocabulary.size()];
        idf[Vocabulary.PADDING] = 0.0;
        for (int i = Vocabulary.OUT_OF_VOCABULARY; i < idf.length; i++) {
            idf[i] = Math.log((1.0 + tokenizedTexts.size()) / (1.0 + documentFrequency[i])) + 1;
        }
        return List.of(idf);
    }

    /**
     * Inputs for texts without labels (prediction time): the features, the masks for sequences, and no
     * targets. Hand it to a model with {@code upload} and {@code predict}, which pass the masks on.
     */
    public ArrayDataset encodeTexts(List<String> texts) {
        float[][] features = new float[texts.size()][];
        float[][] masks = encoding == TextEncoding.SEQUENCE ? new float[texts.size()][] : null;
        for (int i = 0; i < texts.size(); i++) {
            EncodedText encoded = encode(texts.get(i));
            features[i] = encoded.features();
            if (masks != null) {
                masks[i] = encoded.mask();
            }
        }
        return new ArrayDataset(features, new float[texts.size()][0], masks, classNames);
    }

    /**
     * Features, masks and one-hot targets of a labelled table with the same text and label columns, e.g. a
     * separate test file.
     *
     * @throws UserInputException if a column is missing, a label is empty or a class was not in training
     */
    public ArrayDataset transform(RawTable table) {
        int text = table.columnIndex(textColumn);
        int label = table.columnIndex(labelColumn);
        float[][] features = new float[table.rowCount()][];
        float[][] targets = new float[table.rowCount()][];
        float[][] masks = encoding == TextEncoding.SEQUENCE ? new float[table.rowCount()][] : null;
        for (int row = 0; row < table.rowCount(); row++) {
            EncodedText encoded = encode(table.cell(row, text));
            features[row] = encoded.features();
            if (masks != null) {
                masks[row] = encoded.mask();
            }
            targets[row] = oneHot(table.cell(row, label), table.location(row));
        }
        return new ArrayDataset(features, targets, masks, classNames);
    }

    float[] oneHot(String label, String where) {
        if (label == null) {
            throw new UserInputException(where + ": the label \"" + labelColumn + "\" is empty — a labelled file"
                    + " needs a label in every row; predict on it instead if it has no labels");
        }
        int index = classNames.indexOf(label);
        if (index < 0) {
            throw new UserInputException(where + ", column \"" + labelColumn + "\": the class \"" + label
                    + "\" was not in the training data — the model knows " + String.join(", ", classNames));
        }
        float[] oneHot = new float[classNames.size()];
        oneHot[index] = 1f;
        return oneHot;
    }
}
