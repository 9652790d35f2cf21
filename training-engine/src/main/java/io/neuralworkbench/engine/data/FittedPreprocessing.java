package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Shape;

/**
 * The preprocessing fitted on a training split, replayable on any rows with the same columns: at evaluation
 * on a labelled file ({@link #transform}) and at prediction time ({@link #transformFeatures},
 * {@link #transformRow}). Immutable and serializable with Jackson, so it is saved next to the model.
 * <p>
 * Replaying differs from training in one way: a missing feature value is always filled in with the
 * training statistic stored in its {@link FittedColumn#fillValue()} — also for columns whose strategy was
 * DROP_ROW, because a prediction is wanted for every row. A category not seen in training gets no one-hot
 * feature (all zeros for that column). Columns of the table that are not features are ignored.
 *
 * @param targetColumn  the column the model predicts
 * @param task          classification or regression
 * @param features      the feature columns, in feature order
 * @param classNames    the classes in one-hot order (classification); empty for regression
 * @param targetScaling how regression targets were standardized; null for classification
 */
public record FittedPreprocessing(String targetColumn, TaskType task, List<FittedColumn> features,
                                  List<String> classNames, LinearScaling targetScaling) implements InputPreprocessing {
    public FittedPreprocessing {
        Objects.requireNonNull(targetColumn, "targetColumn");
        Objects.requireNonNull(task, "task");
        features = List.copyOf(features);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        if ((task == TaskType.REGRESSION) != (targetScaling != null)) {
            throw new IllegalArgumentException("regression and only regression has a target scaling");
        }
    }

    @Override
    public int featureCount() {
        return features.stream().mapToInt(FittedColumn::width).sum();
    }

    /** One name per feature, e.g. {@code bill_length_mm} or {@code island=Biscoe}. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        features.forEach(column -> names.addAll(column.featureNames()));
        return names;
    }

    /**
     * Features and targets of a labelled table, e.g. a separate test file.
     *
     * @throws UserInputException if a feature or the target column is absent, a target is empty, a class was
     *                            not seen in training, or a value does not fit its column's type
     */
    public ArrayDataset transform(RawTable table) {
        float[][] x = transformFeatures(table);
        int target = table.columnIndex(targetColumn);
        float[][] y = new float[table.rowCount()][];
        for (int row = 0; row < table.rowCount(); row++) {
            y[row] = encodeTarget(table.cell(row, target), table.location(row));
        }
        return new ArrayDataset(x, y, classNames);
    }

    /**
     * Features of every row of a table, which need not have the target column (prediction time).
     *
     * @throws UserInputException if a feature column is absent or a value does not fit its column's type
     */
    public float[][] transformFeatures(RawTable table) {
        int[] columns = new int[features.size()];
        for (int i = 0; i < columns.length; i++) {
            String name = features.get(i).name();
            if (!table.hasColumn(name)) {
                throw new UserInputException(table.fileName() + " has no column " + Cells.quoted(name)
                        + ", which the model was trained with — add the column (its values may be empty)");
            }
            columns[i] = table.columnIndex(name);
        }
        int width = featureCount();
        float[][] x = new float[table.rowCount()][];
        for (int row = 0; row < table.rowCount(); row++) {
            float[] sample = new float[width];
            int offset = 0;
            for (int i = 0; i < columns.length; i++) {
                FittedColumn column = features.get(i);
                int r = row;
                column.encode(table.cell(row, columns[i]), sample, offset, () -> table.location(r));
                offset += column.width();
            }
            x[row] = sample;
        }
        return x;
    }

    /**
     * Features of one row given as column name → value, e.g. typed into a form. Absent, null and blank
     * values count as missing; other entries (the target, dropped columns) are ignored.
     *
     * @throws UserInputException if a value does not fit its column's type
     */
    public float[] transformRow(Map<String, String> values) {
        float[] row = new float[featureCount()];
        int offset = 0;
        for (FittedColumn column : features) {
            String value = values.get(column.name());
            column.encode(value == null || value.isBlank() ? null : value.strip(), row, offset, () -> "the input");
            offset += column.width();
        }
        return row;
    }

    @Override
    public Shape inputShape() {
        return new Shape.Flat(featureCount());
    }

    @Override
    public String targetName() {
        return targetColumn;
    }

    /** A regression model's output in the target's own units (undoes the target standardization). */
    @Override
    public double toTargetUnits(double modelOutput) {
        if (targetScaling == null) {
            throw new IllegalStateException("a classification target has no units");
        }
        return targetScaling.invert(modelOutput);
    }

    private float[] encodeTarget(String value, String where) {
        if (value == null) {
            throw new UserInputException(where + ": the target " + Cells.quoted(targetColumn) + " is empty — a"
                    + " labelled file needs a target in every row; predict on it instead if it has no labels");
        }
        if (task == TaskType.REGRESSION) {
            if (!Cells.isNumber(value)) {
                throw new UserInputException(where + ", column " + Cells.quoted(targetColumn) + ": "
                        + Cells.quoted(value) + " is not a number — a regression target needs a number in every row");
            }
            return new float[] {(float) targetScaling.apply(Double.parseDouble(value))};
        }
        int index = classNames.indexOf(value);
        if (index < 0) {
            throw new UserInputException(where + ", column " + Cells.quoted(targetColumn) + ": the class "
                    + Cells.quoted(value) + " was not in the training data — the model knows "
                    + String.join(", ", classNames));
        }
        float[] oneHot = new float[classNames.size()];
        oneHot[index] = 1f;
        return oneHot;
    }
}
