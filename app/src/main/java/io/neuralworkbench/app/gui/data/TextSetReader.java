package io.neuralworkbench.app.gui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.text.TextDatasets;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.data.text.Tokenizer;

/** Reads what the data view shows of labelled texts. Runs off the JavaFX thread. */
final class TextSetReader {
    /** Example texts shown per class. */
    static final int EXAMPLES_PER_CLASS = 5;

    private TextSetReader() {
    }

    /**
     * @throws io.neuralworkbench.engine.UserInputException if a column is missing, both are the same, or the
     *                                                      labels hold fewer than two classes
     */
    static TextSetSnapshot read(Path file, String textColumn, String labelColumn, TextOptions options) {
        // The engine prepares the texts as training will: its vocabulary is the training split's.
        PreparedInputs inputs = TextDatasets.fromTable(file, textColumn, labelColumn, options);
        TextPreprocessing preprocessing = (TextPreprocessing) inputs.preprocessing();
        List<String> classNames = preprocessing.classNames();
        RawTable table = CsvImporter.read(file);
        int text = table.columnIndex(textColumn);
        int label = table.columnIndex(labelColumn);
        int[] counts = new int[classNames.size()];
        List<List<String>> examples = new ArrayList<>();
        classNames.forEach(c -> examples.add(new ArrayList<>()));
        List<Integer> lengths = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            int classIndex = classNames.indexOf(table.cell(row, label));
            if (classIndex < 0) {
                continue;
            }
            counts[classIndex]++;
            String cell = table.cell(row, text);
            lengths.add(Tokenizer.tokenize(cell).size());
            if (examples.get(classIndex).size() < EXAMPLES_PER_CLASS) {
                examples.get(classIndex).add(cell == null ? "" : cell);
            }
        }
        return new TextSetSnapshot(file, textColumn, labelColumn, classNames, Arrays.stream(counts).boxed().toList(),
                examples, preprocessing.vocabulary().words().size(), statistics(lengths, options.maxLength()),
                options.maxLength(), inputs.notes());
    }

    static TextSetSnapshot.LengthStatistics statistics(List<Integer> lengths, int maxLength) {
        int[] sorted = lengths.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (sorted.length == 0) {
            return new TextSetSnapshot.LengthStatistics(0, 0, 0, 0, 0, 0);
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        // Nearest rank: the smallest length at least 95 % of the texts do not exceed.
        int percentile95 = sorted[(int) Math.ceil(0.95 * n) - 1];
        int longer = (int) Arrays.stream(sorted).filter(length -> length > maxLength).count();
        return new TextSetSnapshot.LengthStatistics(sorted[0], median, Arrays.stream(sorted).average().orElse(0),
                percentile95, sorted[n - 1], longer);
    }
}
