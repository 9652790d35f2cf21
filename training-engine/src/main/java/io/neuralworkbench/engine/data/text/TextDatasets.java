package io.neuralworkbench.engine.data.text;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.ClassWeights;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.Splitter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Labelled texts from a CSV or TSV file (one text column, one label column) to training, validation and test
 * sets. Rows are split first (stratified by class, seeded); the vocabulary and the inverse document
 * frequencies are then fitted on the training texts alone, so a word that only occurs in validation or test
 * texts is unknown to the model, as it will be for new texts.
 */
public final class TextDatasets {
    /** How many line numbers a note lists before it says "and N more". */
    private static final int LINES_SHOWN = 5;
    /** A most common class this many times as frequent as the rarest one is worth balancing. */
    private static final double IMBALANCE_RATIO = 1.5;

    private TextDatasets() {
    }

    /**
     * Reads and prepares a file of labelled texts. Rows without a label are left out; rows with an empty text
     * are kept and read as a single unknown word (see {@link TextPreprocessing}). The notes say what was left
     * out or cut, and how common each class is, with balanced class weights when the classes are imbalanced
     * (compute them with {@link ClassWeights#balanced(ArrayDataset)} on the training split).
     *
     * @throws UserInputException if the file cannot be read or is empty, a column does not exist, both name
     *                            the same column, or the labels hold fewer than two classes
     */
    public static PreparedInputs fromTable(Path file, String textColumn, String labelColumn, TextOptions options) {
        RawTable table = CsvImporter.read(file);
        int text = table.columnIndex(textColumn);
        int label = table.columnIndex(labelColumn);
        if (text == label) {
            throw new UserInputException("the text column and the label column are both \"" + textColumn
                    + "\" — choose different columns for the texts and for their classes (columns: "
                    + String.join(", ", table.columnNames()) + ")");
        }
        List<String> notes = new ArrayList<>();
        int[] rows = labelledRows(table, label, notes);
        List<String> classNames = classNames(table, label, rows);
        int[] classOf = Arrays.stream(rows).map(row -> classNames.indexOf(table.cell(row, label))).toArray();
        List<List<String>> tokens = Arrays.stream(rows).mapToObj(row -> Tokenizer.tokenize(table.cell(row, text)))
                .toList();
        noteTextsWithoutWords(table, rows, tokens, textColumn, notes);
        noteClassBalance(classNames, classOf, notes);

        int[][] parts = Splitter.trainValidationTest(classOf, options.split(), options.seed());
        List<List<String>> trainTokens = Arrays.stream(parts[0]).mapToObj(tokens::get).toList();
        Vocabulary vocabulary = Vocabulary.build(trainTokens, options.maxWords(), options.minFrequency());
        notes.add("the vocabulary holds " + vocabulary.words().size() + " words that occur at least "
                + options.minFrequency() + (options.minFrequency() == 1 ? " time" : " times")
                + " in the training texts; other words read as unknown");
        boolean sequence = options.encoding() == TextEncoding.SEQUENCE;
        TextPreprocessing preprocessing = new TextPreprocessing(textColumn, labelColumn, classNames, vocabulary,
                options.encoding(), sequence ? options.maxLength() : 0,
                options.encoding() == TextEncoding.TF_IDF
                        ? TextPreprocessing.inverseDocumentFrequencies(vocabulary, trainTokens) : null);
        if (sequence) {
            noteCutTexts(tokens, options.maxLength(), notes);
        }
        ArrayDataset[] splits = new ArrayDataset[3];
        for (int part = 0; part < 3; part++) {
            splits[part] = encode(preprocessing, parts[part], tokens, classOf, classNames.size());
        }
        return new PreparedInputs(preprocessing, splits[0], splits[1], splits[2], table.fileName(), table.sha256(),
                notes);
    }

    private static ArrayDataset encode(TextPreprocessing preprocessing, int[] samples, List<List<String>> tokens,
                                       int[] classOf, int classCount) {
        float[][] features = new float[samples.length][];
        float[][] targets = new float[samples.length][classCount];
        float[][] masks = preprocessing.encoding() == TextEncoding.SEQUENCE ? new float[samples.length][] : null;
        for (int i = 0; i < samples.length; i++) {
            TextPreprocessing.EncodedText encoded = preprocessing.encodeTokens(tokens.get(samples[i]));
            features[i] = encoded.features();
            if (masks != null) {
                masks[i] = encoded.mask();
            }
            targets[i][classOf[samples[i]]] = 1f;
        }
        return new ArrayDataset(features, targets, masks, preprocessing.classNames());
    }

    /** The rows with a label; notes the ones left out. */
    private static int[] labelledRows(RawTable table, int label, List<String> notes) {
        int[] rows = IntStream.range(0, table.rowCount()).filter(row -> table.cell(row, label) != null).toArray();
        int[] unlabelled = IntStream.range(0, table.rowCount()).filter(row -> table.cell(row, label) == null).toArray();
        String labelName = "\"" + table.columnNames().get(label) + "\"";
        if (rows.length == 0) {
            throw new UserInputException("the label column " + labelName + " has no values in " + table.fileName()
                    + " — choose the column that holds the classes");
        }
        if (unlabelled.length > 0) {
            notes.add(unlabelled.length + " rows without a label in " + labelName + " are left out ("
                    + lines(table, unlabelled) + ")");
        }
        return rows;
    }

    private static List<String> classNames(RawTable table, int label, int[] rows) {
        TreeSet<String> labels = new TreeSet<>();
        Arrays.stream(rows).forEach(row -> labels.add(table.cell(row, label)));
        if (labels.size() < 2) {
            throw new UserInputException("the label column \"" + table.columnNames().get(label) + "\" has only one"
                    + " class (\"" + labels.first() + "\") in " + table.fileName() + " — a classifier needs at least"
                    + " two classes; choose another label column or add texts of other classes");
        }
        return List.copyOf(labels);
    }

    private static void noteTextsWithoutWords(RawTable table, int[] rows, List<List<String>> tokens,
                                              String textColumn, List<String> notes) {
        int[] empty = IntStream.range(0, rows.length).filter(i -> tokens.get(i).isEmpty()).map(i -> rows[i])
                .toArray();
        if (empty.length > 0) {
            notes.add(empty.length + (empty.length == 1 ? " text" : " texts") + " in \"" + textColumn + "\" "
                    + (empty.length == 1 ? "has" : "have") + " no words (" + lines(table, empty)
                    + ") and " + (empty.length == 1 ? "reads" : "read") + " as a single unknown word");
        }
    }

    /** Counts and shares of the classes; when they are imbalanced, the balanced weights to train with. */
    private static void noteClassBalance(List<String> classNames, int[] classOf, List<String> notes) {
        int[] counts = new int[classNames.size()];
        Arrays.stream(classOf).forEach(c -> counts[c]++);
        notes.add("classes: " + IntStream.range(0, counts.length)
                .mapToObj(c -> String.format(Locale.ROOT, "%s %d (%.1f %%)", classNames.get(c), counts[c],
                        100.0 * counts[c] / classOf.length))
                .collect(Collectors.joining(", ")));
        int most = Arrays.stream(counts).max().orElseThrow();
        int least = Arrays.stream(counts).min().orElseThrow();
        if (most >= IMBALANCE_RATIO * least) {
            List<Double> weights = ClassWeights.balanced(counts);
            notes.add("the classes are imbalanced; to make each class count equally in training, use the balanced"
                    + " class weights " + IntStream.range(0, counts.length)
                    .mapToObj(c -> String.format(Locale.ROOT, "%s %.2f", classNames.get(c), weights.get(c)))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static void noteCutTexts(List<List<String>> tokens, int maxLength, List<String> notes) {
        long cut = tokens.stream().filter(t -> t.size() > maxLength).count();
        if (cut > 0) {
            int longest = tokens.stream().mapToInt(List::size).max().orElseThrow();
            notes.add(cut + " texts are longer than " + maxLength + " tokens and are cut to their first "
                    + maxLength + " (the longest has " + longest + ")");
        }
    }

    /** "lines 4, 9 and 3 more" for messages. */
    private static String lines(RawTable table, int[] rows) {
        String shown = Arrays.stream(rows).limit(LINES_SHOWN).mapToObj(row -> String.valueOf(table.lineNumber(row)))
                .collect(Collectors.joining(", "));
        String more = rows.length > LINES_SHOWN ? " and " + (rows.length - LINES_SHOWN) + " more" : "";
        return table.fileName() + (rows.length == 1 ? " line " : " lines ") + shown + more;
    }
}
