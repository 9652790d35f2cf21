package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.neuralworkbench.engine.UserInputException;

/**
 * One input column of a {@link FittedPreprocessing} and how it becomes features, with everything fitted on
 * the training split.
 *
 * @param name       the column name in the table
 * @param type       NUMERIC (one scaled feature), BOOLEAN (one 0/1 feature) or CATEGORICAL (one-hot)
 * @param fillValue  the value used when the cell is missing, as it would be written in the file
 * @param scaling    the scaling of a NUMERIC column; identity for the other types
 * @param categories the one-hot categories of a CATEGORICAL column, in feature order; empty otherwise
 */
public record FittedColumn(String name, ColumnType type, String fillValue, LinearScaling scaling,
                           List<String> categories) {
    public FittedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fillValue, "fillValue");
        if (type != ColumnType.NUMERIC && type != ColumnType.BOOLEAN && type != ColumnType.CATEGORICAL) {
            throw new IllegalArgumentException(type + " columns are not features");
        }
        scaling = scaling == null ? LinearScaling.IDENTITY : scaling;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** How many features the column becomes. */
    public int width() {
        return type == ColumnType.CATEGORICAL ? categories.size() : 1;
    }

    /** {@code age}, {@code adult_male}, or {@code island=Biscoe} for each category. */
    public List<String> featureNames() {
        if (type != ColumnType.CATEGORICAL) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>(categories.size());
        categories.forEach(category -> names.add(name + "=" + category));
        return names;
    }

    /**
     * Writes the features of one cell into {@code features} from {@code offset}. A missing cell gets the fill
     * value; a category not seen in training sets no one-hot feature (all zeros).
     *
     * @param where the file and line, or where else the value came from, for messages; asked only on error
     * @throws UserInputException if a NUMERIC value is not a number or a BOOLEAN value is not true/false
     */
    void encode(String cell, float[] features, int offset, Supplier<String> where) {
        String value = cell == null ? fillValue : cell;
        switch (type) {
            case NUMERIC -> {
                if (!Cells.isNumber(value)) {
                    throw Cells.notA("a number", where.get(), name, value, "");
                }
                features[offset] = (float) scaling.apply(Double.parseDouble(value));
            }
            case BOOLEAN -> {
                if (!Cells.isBoolean(value)) {
                    throw Cells.notA("true or false", where.get(), name, value, "");
                }
                features[offset] = Boolean.parseBoolean(value) ? 1f : 0f;
            }
            default -> {
                int category = categories.indexOf(value);
                for (int k = 0; k < categories.size(); k++) {
                    features[offset + k] = k == category ? 1f : 0f;
                }
            }
        }
    }
}
