package io.neuralworkbench.engine.data;

import java.util.List;

/**
 * A table's usable rows dealt into k folds ({@link DataPreparer#prepareFolds}): every row is held out in
 * exactly one fold, fold sizes differ by at most one, and for classification each class is spread evenly.
 * Nothing is fitted until {@link #fold} prepares a fold, on its training rows only.
 */
public final class CrossValidationData {
    private final DataPreparer.Selection selection;
    private final List<Fold> folds;

    CrossValidationData(DataPreparer.Selection selection, List<Fold> folds) {
        this.selection = selection;
        this.folds = List.copyOf(folds);
    }

    public int foldCount() {
        return folds.size();
    }

    public TaskType task() {
        return selection.task();
    }

    public RawTable table() {
        return selection.table();
    }

    /** How many rows take part (rows without a target, or with DROP_ROW gaps, do not). */
    public int rowCount() {
        return selection.usableRows().length;
    }

    /** The table rows (0-based, ascending) fold {@code fold} trains on. */
    public int[] trainingRows(int fold) {
        return folds.get(fold).trainIndices().clone();
    }

    /** The table rows (0-based, ascending) fold {@code fold} is evaluated on. */
    public int[] heldOutRows(int fold) {
        return folds.get(fold).validationIndices().clone();
    }

    /** What was left out and why while selecting rows and columns, one sentence each. */
    public List<String> notes() {
        return selection.notes();
    }

    /** Fits the preprocessing on the fold's training rows and transforms both parts with it. */
    public PreparedFold fold(int fold) {
        return DataPreparer.prepareFold(selection, fold, folds.get(fold));
    }
}
