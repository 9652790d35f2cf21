package io.neuralworkbench.engine.data;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to turn a table into training data, as the user chose it: stored in the project file (as JSON) and
 * replayed by {@link DataPreparer#prepare}. Immutable; the {@code with...} methods return changed copies.
 * Null components (as in JSON written before an option existed) take the defaults.
 *
 * @param targetColumn          the column to predict
 * @param task                  CLASSIFICATION or REGRESSION; null chooses from the target column (numeric with
 *                              many distinct values means regression)
 * @param droppedColumns        columns left out of the features (identifiers, columns that leak the label)
 * @param typeOverrides         column types chosen by the user instead of the inferred ones
 * @param missingValues         what to do with empty cells, unless {@code missingValueOverrides} names the column
 * @param missingValueOverrides per-column missing-value rules
 * @param scaling               how numeric features are rescaled
 * @param split                 training / validation / test fractions
 * @param seed                  seed of the random split, so that the same spec gives the same split
 */
public record PreprocessingSpec(String targetColumn, TaskType task, List<String> droppedColumns,
                                Map<String, ColumnType> typeOverrides, MissingValueRule missingValues,
                                Map<String, MissingValueRule> missingValueOverrides, Scaling scaling,
                                SplitFractions split, long seed) {
    public static final long DEFAULT_SEED = 42;

    public PreprocessingSpec {
        Objects.requireNonNull(targetColumn, "targetColumn");
        droppedColumns = droppedColumns == null ? List.of() : List.copyOf(droppedColumns);
        typeOverrides = sorted(typeOverrides);
        missingValues = missingValues == null ? MissingValueRule.MEAN : missingValues;
        missingValueOverrides = sorted(missingValueOverrides);
        scaling = scaling == null ? Scaling.STANDARDIZE : scaling;
        split = split == null ? SplitFractions.DEFAULT : split;
    }

    /**
     * The defaults for a target column: task from the column's type, no dropped columns, missing values
     * filled with the mean (most frequent value for non-numeric columns), standardized numbers, a 70/15/15
     * split with seed {@value #DEFAULT_SEED}.
     */
    public static PreprocessingSpec forTarget(String targetColumn) {
        return new PreprocessingSpec(targetColumn, null, null, null, null, null, null, null, DEFAULT_SEED);
    }

    public PreprocessingSpec withTask(TaskType newTask) {
        return new PreprocessingSpec(targetColumn, newTask, droppedColumns, typeOverrides, missingValues,
                missingValueOverrides, scaling, split, seed);
    }

    public PreprocessingSpec withDroppedColumns(List<String> columns) {
        return new PreprocessingSpec(targetColumn, task, columns, typeOverrides, missingValues,
                missingValueOverrides, scaling, split, seed);
    }

    public PreprocessingSpec withColumnType(String column, ColumnType type) {
        return new PreprocessingSpec(targetColumn, task, droppedColumns, with(typeOverrides, column, type),
                missingValues, missingValueOverrides, scaling, split, seed);
    }

    public PreprocessingSpec withMissingValues(MissingValueRule rule) {
        return new PreprocessingSpec(targetColumn, task, droppedColumns, typeOverrides, rule,
                missingValueOverrides, scaling, split, seed);
    }

    public PreprocessingSpec withMissingValues(String column, MissingValueRule rule) {
        return new PreprocessingSpec(targetColumn, task, droppedColumns, typeOverrides, missingValues,
                with(missingValueOverrides, column, rule), scaling, split, seed);
    }

    public PreprocessingSpec withScaling(Scaling newScaling) {
        return new PreprocessingSpec(targetColumn, task, droppedColumns, typeOverrides, missingValues,
                missingValueOverrides, newScaling, split, seed);
    }

    public PreprocessingSpec withSplit(SplitFractions newSplit, long newSeed) {
        return new PreprocessingSpec(targetColumn, task, droppedColumns, typeOverrides, missingValues,
                missingValueOverrides, scaling, newSplit, newSeed);
    }

    /** The rule for one column: its override, else the default. */
    public MissingValueRule missingValuesFor(String column) {
        return missingValueOverrides.getOrDefault(column, missingValues);
    }

    /** Sorted by column name, so that the JSON of equal specs is equal. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new TreeMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
