package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.neuralworkbench.engine.UserInputException;

/** Infers column types and gathers per-column statistics of a {@link RawTable}. */
public final class ColumnProfiler {
    /** How many of the most frequent values a profile lists. */
    static final int MOST_FREQUENT_LIMIT = 10;
    /**
     * Free text is told apart from categories by being varied and long: more distinct values than this and
     * than half the values, with at least {@link #TEXT_MIN_AVERAGE_LENGTH} characters on average.
     */
    private static final int TEXT_MIN_DISTINCT = 20;
    private static final int TEXT_MIN_AVERAGE_LENGTH = 20;
    private static final String OR_CHANGE_TYPE = ", or treat the column as CATEGORICAL";

    private ColumnProfiler() {
    }

    /** Profiles every column with its inferred type. */
    public static List<ColumnProfile> profile(RawTable table) {
        return profile(table, Map.of());
    }

    /**
     * Profiles every column, using the user's type where {@code typeOverrides} names the column.
     *
     * @throws UserInputException if an override names an unknown column, chooses EMPTY, or a value does not
     *                            fit the chosen type (a word in a column forced NUMERIC)
     */
    public static List<ColumnProfile> profile(RawTable table, Map<String, ColumnType> typeOverrides) {
        typeOverrides.keySet().forEach(table::columnIndex);
        List<ColumnProfile> profiles = new ArrayList<>(table.columnCount());
        for (int column = 0; column < table.columnCount(); column++) {
            profiles.add(profileColumn(table, column, typeOverrides.get(table.columnNames().get(column))));
        }
        return profiles;
    }

    private static ColumnProfile profileColumn(RawTable table, int column, ColumnType override) {
        String name = table.columnNames().get(column);
        if (override == ColumnType.EMPTY) {
            throw new UserInputException("column " + Cells.quoted(name) + " cannot be set to EMPTY — drop the"
                    + " column instead");
        }
        Map<String, Integer> frequencies = new HashMap<>();
        int missing = 0;
        long totalLength = 0;
        int firstNonNumeric = -1;
        int firstNonBoolean = -1;
        for (int row = 0; row < table.rowCount(); row++) {
            String value = table.cell(row, column);
            if (value == null) {
                missing++;
                continue;
            }
            frequencies.merge(value, 1, Integer::sum);
            totalLength += value.length();
            if (firstNonNumeric < 0 && !Cells.isNumber(value)) {
                firstNonNumeric = row;
            }
            if (firstNonBoolean < 0 && !Cells.isBoolean(value)) {
                firstNonBoolean = row;
            }
        }
        int count = table.rowCount() - missing;
        ColumnType inferred = inferType(count, frequencies.size(), totalLength, firstNonNumeric, firstNonBoolean);
        // A column without values has nothing a type could describe, whatever the user chose.
        ColumnType type = override == null || inferred == ColumnType.EMPTY ? inferred : override;
        if (type == ColumnType.NUMERIC && firstNonNumeric >= 0) {
            throw Cells.notA("a number", table.location(firstNonNumeric), name,
                    table.cell(firstNonNumeric, column), OR_CHANGE_TYPE);
        }
        if (type == ColumnType.BOOLEAN && firstNonBoolean >= 0) {
            throw Cells.notA("true or false", table.location(firstNonBoolean), name,
                    table.cell(firstNonBoolean, column), OR_CHANGE_TYPE);
        }
        if (type == ColumnType.NUMERIC) {
            return numericProfile(table, column, type, inferred, count, missing, frequencies.size());
        }
        return new ColumnProfile(name, type, inferred, count, missing, frequencies.size(), Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, mostFrequent(frequencies));
    }

    private static ColumnType inferType(int count, int distinct, long totalLength, int firstNonNumeric,
                                        int firstNonBoolean) {
        if (count == 0) {
            return ColumnType.EMPTY;
        }
        if (firstNonBoolean < 0) {
            return ColumnType.BOOLEAN;
        }
        if (firstNonNumeric < 0) {
            return ColumnType.NUMERIC;
        }
        boolean varied = distinct > TEXT_MIN_DISTINCT && distinct * 2 > count;
        boolean long_ = totalLength >= (long) TEXT_MIN_AVERAGE_LENGTH * count;
        return varied && long_ ? ColumnType.TEXT : ColumnType.CATEGORICAL;
    }

    private static ColumnProfile numericProfile(RawTable table, int column, ColumnType type, ColumnType inferred,
                                                int count, int missing, int distinct) {
        double[] values = new double[count];
        int next = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            String value = table.cell(row, column);
            if (value != null) {
                values[next++] = Double.parseDouble(value);
            }
        }
        return new ColumnProfile(table.columnNames().get(column), type, inferred, count, missing, distinct,
                Stats.min(values), Stats.max(values), Stats.mean(values), Stats.std(values), List.of());
    }

    /** The most frequent values, most frequent first; equally frequent values in alphabetical order. */
    static List<ColumnProfile.ValueCount> mostFrequent(Map<String, Integer> frequencies) {
        return frequencies.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MOST_FREQUENT_LIMIT)
                .map(e -> new ColumnProfile.ValueCount(e.getKey(), e.getValue()))
                .toList();
    }
}
