package io.neuralworkbench.engine.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link DataPreparer#prepare}: the fitted preprocessing, the three datasets, which table rows
 * each sample came from, and notes for the user about what was left out and why.
 */
public final class PreparedData {
    private final FittedPreprocessing preprocessing;
    private final Map<Split, ArrayDataset> datasets;
    private final Map<Split, int[]> sourceRows;
    private final Map<Split, int[]> lineNumbers;
    private final List<String> notes;

    PreparedData(FittedPreprocessing preprocessing, Map<Split, ArrayDataset> datasets, Map<Split, int[]> sourceRows,
                 Map<Split, int[]> lineNumbers, List<String> notes) {
        this.preprocessing = preprocessing;
        this.datasets = new EnumMap<>(datasets);
        this.sourceRows = new EnumMap<>(sourceRows);
        this.lineNumbers = new EnumMap<>(lineNumbers);
        this.notes = List.copyOf(notes);
    }

    public FittedPreprocessing preprocessing() {
        return preprocessing;
    }

    public ArrayDataset train() {
        return datasets.get(Split.TRAIN);
    }

    public ArrayDataset validation() {
        return datasets.get(Split.VALIDATION);
    }

    public ArrayDataset test() {
        return datasets.get(Split.TEST);
    }

    public ArrayDataset dataset(Split split) {
        return datasets.get(split);
    }

    /** For each sample of the split, its data row in the {@link RawTable} (0-based, header excluded). */
    public int[] sourceRows(Split split) {
        return sourceRows.get(split).clone();
    }

    /** For each sample of the split, the file line its row starts on (1-based). */
    public int[] lineNumbers(Split split) {
        return lineNumbers.get(split).clone();
    }

    /** What was left out and why (text columns, rows without a target, ...), one sentence each. */
    public List<String> notes() {
        return notes;
    }
}
