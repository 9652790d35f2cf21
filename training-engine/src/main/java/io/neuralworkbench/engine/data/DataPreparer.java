package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.neuralworkbench.engine.UserInputException;

/**
 * Turns a {@link RawTable} and a {@link PreprocessingSpec} into training, validation and test datasets.
 * Rows without a target, and rows with a missing value in a DROP_ROW column, are left out first; the rest
 * is split (stratified by class for classification); then every statistic — fill values, scaling, categories,
 * class list, target scaling — is fitted on the training split alone, so that validation and test results
 * are not flattered by information from those rows.
 */
public final class DataPreparer {
    /** A numeric target with more distinct values than this is taken as a regression target by default. */
    static final int REGRESSION_MIN_DISTINCT = 20;

    private DataPreparer() {
    }

    /**
     * Prepares a table for training as the spec says.
     *
     * @throws UserInputException if the spec names unknown columns, a forced type does not fit the values,
     *                            the target does not suit the task or has a single class, or no rows or
     *                            feature columns are left
     */
    public static PreparedData prepare(RawTable table, PreprocessingSpec spec) {
        Selection selection = select(table, spec);
        List<String> notes = new ArrayList<>(selection.notes());
        int[][] parts = Splitter.trainValidationTest(selection.strata(), spec.split(), spec.seed());
        Map<Split, int[]> sourceRows = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            sourceRows.put(split, selection.tableRows(parts[split.ordinal()]));
        }

        FittedPreprocessing fitted = fit(selection, sourceRows.get(Split.TRAIN), notes);
        Map<Split, ArrayDataset> datasets = new EnumMap<>(Split.class);
        Map<Split, int[]> lineNumbers = new EnumMap<>(Split.class);
        sourceRows.forEach((split, rows) -> {
            datasets.put(split, fitted.transform(table.rows(rows)));
            lineNumbers.put(split, Arrays.stream(rows).map(table::lineNumber).toArray());
        });
        return new PreparedData(fitted, datasets, sourceRows, lineNumbers, notes);
    }

    /**
     * Deals the usable rows into {@code k} folds for cross-validation, stratified by class for classification
     * (the spec's split fractions do not apply; its seed deals the folds). Each fold's preprocessing is fitted
     * later, on that fold's training part only ({@link CrossValidationData#fold}).
     *
     * @throws UserInputException for everything {@link #prepare} refuses, unless 2 ≤ k ≤ usable rows, or (for
     *                            classification) if a class has fewer than k rows
     */
    public static CrossValidationData prepareFolds(RawTable table, PreprocessingSpec spec, int k) {
        if (k < 2) {
            throw new UserInputException("Cross-validation needs at least 2 folds, not " + k
                    + " — choose a number of folds from 2 (5 or 10 are usual).");
        }
        Selection selection = select(table, spec);
        if (selection.task() == TaskType.CLASSIFICATION) {
            refuseClassesSmallerThan(selection, k);
        }
        List<Fold> folds = Splitter.stratifiedKFold(selection.strata(), k, spec.seed()).stream()
                .map(fold -> new Fold(selection.tableRows(fold.trainIndices()),
                        selection.tableRows(fold.validationIndices())))
                .toList();
        return new CrossValidationData(selection, folds);
    }

    /** Fits the preprocessing on a fold's training rows and applies it to both parts. */
    static PreparedFold prepareFold(Selection selection, int foldIndex, Fold fold) {
        List<String> notes = new ArrayList<>(selection.notes());
        FittedPreprocessing fitted = fit(selection, fold.trainIndices(), notes);
        RawTable table = selection.table();
        return new PreparedFold(foldIndex, fitted, fitted.transform(table.rows(fold.trainIndices())),
                fitted.transform(table.rows(fold.validationIndices())), fold.trainIndices(),
                fold.validationIndices(), notes);
    }

    /**
     * What preparing for a single split and for cross-validation share: the checked spec, the task, the
     * feature columns, the usable rows and (classification) their classes.
     *
     * @param usableRows table rows with a target and without a missing value in a DROP_ROW column
     * @param strata     the class index of each usable row (all 0 for regression), for stratified splits
     */
    record Selection(RawTable table, PreprocessingSpec spec, TaskType task, List<ColumnProfile> profiles,
                     List<Integer> featureColumns, int[] usableRows, int[] strata, List<String> notes) {
        /** Positions among the usable rows → rows of the table. */
        int[] tableRows(int[] positions) {
            return Arrays.stream(positions).map(p -> usableRows[p]).toArray();
        }
    }

    private static Selection select(RawTable table, PreprocessingSpec spec) {
        int target = table.columnIndex(spec.targetColumn());
        spec.droppedColumns().forEach(table::columnIndex);
        spec.missingValueOverrides().keySet().forEach(table::columnIndex);
        if (spec.droppedColumns().contains(spec.targetColumn())) {
            throw new UserInputException("the target " + Cells.quoted(spec.targetColumn()) + " is also among the"
                    + " dropped columns — remove it from the dropped columns or choose another target");
        }
        List<ColumnProfile> profiles = ColumnProfiler.profile(table, spec.typeOverrides());
        ColumnProfile targetProfile = profiles.get(target);
        TaskType task = spec.task() != null ? spec.task() : defaultTask(targetProfile);
        checkTargetSuits(task, targetProfile, table);

        List<String> notes = new ArrayList<>();
        List<Integer> featureColumns = featureColumns(table, spec, profiles, target, notes);
        int[] usableRows = usableRows(table, spec, target, featureColumns, notes);
        int[] strata = new int[usableRows.length];
        if (task == TaskType.CLASSIFICATION) {
            strata = classIndices(table, target, usableRows);
            noteLabelLeaks(table, target, featureColumns, profiles, usableRows, notes);
        }
        return new Selection(table, spec, task, profiles, featureColumns, usableRows, strata, List.copyOf(notes));
    }

    /** With fewer rows than folds, a class would be missing from some held-out folds and so never scored there. */
    private static void refuseClassesSmallerThan(Selection selection, int k) {
        int[] rowsPerClass = new int[Arrays.stream(selection.strata()).max().orElse(0) + 1];
        Arrays.stream(selection.strata()).forEach(c -> rowsPerClass[c]++);
        int smallest = Arrays.stream(rowsPerClass).min().orElse(0);
        if (smallest >= k) {
            return;
        }
        RawTable table = selection.table();
        int target = table.columnIndex(selection.spec().targetColumn());
        int position = 0;
        while (rowsPerClass[selection.strata()[position]] != smallest) {
            position++;
        }
        int row = selection.usableRows()[position];
        throw new UserInputException("Cross-validation in " + k + " folds needs at least " + k + " rows of every"
                + " class, but the class " + Cells.quoted(table.cell(row, target)) + " has " + smallest
                + (smallest == 1 ? " row (" + table.location(row) + ") — add rows of that class or leave that row out."
                : " rows — choose at most " + smallest + " folds, or add rows of that class."));
    }

    /** Regression for numeric targets with many distinct values, classification otherwise. */
    static TaskType defaultTask(ColumnProfile target) {
        return target.type() == ColumnType.NUMERIC && target.distinct() > REGRESSION_MIN_DISTINCT
                ? TaskType.REGRESSION : TaskType.CLASSIFICATION;
    }

    private static void checkTargetSuits(TaskType task, ColumnProfile target, RawTable table) {
        String name = Cells.quoted(target.name());
        if (target.type() == ColumnType.EMPTY) {
            throw new UserInputException("the target " + name + " has no values in " + table.fileName()
                    + " — choose another target column");
        }
        if (task == TaskType.REGRESSION && target.type() != ColumnType.NUMERIC) {
            throw new UserInputException("the target " + name + " is " + target.type() + ", not numbers —"
                    + " regression needs a numeric target; choose classification or another target");
        }
    }

    /** The columns that become features; notes the ones left out for being text or empty. */
    private static List<Integer> featureColumns(RawTable table, PreprocessingSpec spec, List<ColumnProfile> profiles,
                                                int target, List<String> notes) {
        List<Integer> columns = new ArrayList<>();
        for (int column = 0; column < table.columnCount(); column++) {
            ColumnProfile profile = profiles.get(column);
            if (column == target || spec.droppedColumns().contains(profile.name())) {
                continue;
            }
            switch (profile.type()) {
                case TEXT -> notes.add("column " + Cells.quoted(profile.name()) + " holds free text and is left out"
                        + " of the features; text models come later");
                case EMPTY -> notes.add("column " + Cells.quoted(profile.name()) + " has no values and is left out");
                default -> columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            throw noFeatureColumns(table, spec, notes);
        }
        return columns;
    }

    private static UserInputException noFeatureColumns(RawTable table, PreprocessingSpec spec, List<String> notes) {
        String why = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
        return new UserInputException("no feature columns are left in " + table.fileName() + why + " — keep at"
                + " least one numeric, categorical or boolean column besides the target "
                + Cells.quoted(spec.targetColumn()));
    }

    /** Rows with a target and with a value in every DROP_ROW feature column; notes how many were left out. */
    private static int[] usableRows(RawTable table, PreprocessingSpec spec, int target, List<Integer> featureColumns,
                                    List<String> notes) {
        List<Integer> dropRowColumns = featureColumns.stream()
                .filter(c -> spec.missingValuesFor(table.columnNames().get(c)).strategy()
                        == MissingValueStrategy.DROP_ROW)
                .toList();
        int withoutTarget = 0;
        int withMissingValues = 0;
        int[] usable = new int[table.rowCount()];
        int count = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.cell(row, target) == null) {
                withoutTarget++;
            } else if (hasMissing(table, row, dropRowColumns)) {
                withMissingValues++;
            } else {
                usable[count++] = row;
            }
        }
        List<String> dropRowNames = dropRowColumns.stream().map(c -> Cells.quoted(table.columnNames().get(c)))
                .toList();
        if (withoutTarget > 0) {
            notes.add(withoutTarget + " rows without a value in the target " + Cells.quoted(spec.targetColumn())
                    + " are left out");
        }
        if (withMissingValues > 0) {
            notes.add(withMissingValues + " rows with missing values in " + String.join(", ", dropRowNames)
                    + " are left out (missing values: DROP_ROW)");
        }
        if (count == 0) {
            String why = withMissingValues > 0
                    ? "rows with missing values in " + String.join(", ", dropRowNames) + " — fill missing values"
                            + " (MEAN, MEDIAN, MOST_FREQUENT or CONSTANT) instead of dropping rows"
                    : "rows without a target value — choose a target column that has values";
            throw new UserInputException("no rows are left in " + table.fileName() + " after leaving out " + why);
        }
        return Arrays.copyOf(usable, count);
    }

    private static boolean hasMissing(RawTable table, int row, List<Integer> columns) {
        for (int column : columns) {
            if (table.cell(row, column) == null) {
                return true;
            }
        }
        return false;
    }

    /** The class of each usable row as an index into the sorted distinct labels. */
    private static int[] classIndices(RawTable table, int target, int[] rows) {
        List<String> labels = new ArrayList<>(sortedLabels(table, target, rows));
        if (labels.size() < 2) {
            throw new UserInputException("the target " + Cells.quoted(table.columnNames().get(target))
                    + " has only one class (" + Cells.quoted(labels.get(0)) + ") in " + table.fileName()
                    + " — a classifier needs at least two classes; choose another target column");
        }
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            indexOf.put(labels.get(i), i);
        }
        return Arrays.stream(rows).map(row -> indexOf.get(table.cell(row, target))).toArray();
    }

    /**
     * Notes categorical and boolean features whose value alone tells the class, like titanic's "alive" for
     * "survived": such a column is usually known only after the outcome, and a model trained on it learns
     * nothing useful. Columns with more distinct values than there are classes (names, identifiers) are not
     * flagged, as they would tell the class of any small sample.
     */
    private static void noteLabelLeaks(RawTable table, int target, List<Integer> featureColumns,
                                       List<ColumnProfile> profiles, int[] rows, List<String> notes) {
        long classCount = Arrays.stream(rows).mapToObj(row -> table.cell(row, target)).distinct().count();
        for (int column : featureColumns) {
            ColumnType type = profiles.get(column).type();
            if (type != ColumnType.CATEGORICAL && type != ColumnType.BOOLEAN) {
                continue;
            }
            Map<String, String> classOfValue = new HashMap<>();
            boolean determinesClass = true;
            for (int row : rows) {
                String value = table.cell(row, column);
                String label = table.cell(row, target);
                String earlier = value == null ? null : classOfValue.putIfAbsent(value, label);
                if (earlier != null && !earlier.equals(label)) {
                    determinesClass = false;
                    break;
                }
            }
            if (determinesClass && classOfValue.size() >= 2 && classOfValue.size() <= classCount) {
                notes.add("column " + Cells.quoted(table.columnNames().get(column)) + " alone determines the target "
                        + Cells.quoted(table.columnNames().get(target)) + " — if it is only known after the outcome,"
                        + " drop it");
            }
        }
    }

    /** Distinct target values, in numeric order when all are numbers (so "2" comes before "10"). */
    private static TreeSet<String> sortedLabels(RawTable table, int target, int[] rows) {
        boolean allNumbers = Arrays.stream(rows).allMatch(row -> Cells.isNumber(table.cell(row, target)));
        Comparator<String> order = allNumbers
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> labels = new TreeSet<>(order);
        for (int row : rows) {
            labels.add(table.cell(row, target));
        }
        return labels;
    }

    private static FittedPreprocessing fit(Selection selection, int[] trainRows, List<String> notes) {
        RawTable table = selection.table();
        PreprocessingSpec spec = selection.spec();
        List<FittedColumn> columns = new ArrayList<>();
        for (int column : selection.featureColumns()) {
            String name = table.columnNames().get(column);
            List<String> values = presentValues(table, column, trainRows);
            if (values.isEmpty()) {
                notes.add("column " + Cells.quoted(name) + " has no values in the training split and is left out");
                continue;
            }
            columns.add(ColumnFitter.fit(name, selection.profiles().get(column).type(), values,
                    spec.missingValuesFor(name), spec.scaling()));
        }
        if (columns.isEmpty()) {
            throw noFeatureColumns(table, spec, notes);
        }
        int target = table.columnIndex(spec.targetColumn());
        if (selection.task() == TaskType.CLASSIFICATION) {
            List<String> classNames = new ArrayList<>(sortedLabels(table, target, trainRows));
            return new FittedPreprocessing(spec.targetColumn(), selection.task(), columns, classNames, null);
        }
        double[] targets = presentValues(table, target, trainRows).stream().mapToDouble(Double::parseDouble).toArray();
        return new FittedPreprocessing(spec.targetColumn(), selection.task(), columns, List.of(),
                LinearScaling.fit(Scaling.STANDARDIZE, targets));
    }

    private static List<String> presentValues(RawTable table, int column, int[] rows) {
        List<String> values = new ArrayList<>(rows.length);
        for (int row : rows) {
            String value = table.cell(row, column);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
