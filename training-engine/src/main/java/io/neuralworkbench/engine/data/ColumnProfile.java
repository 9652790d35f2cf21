package io.neuralworkbench.engine.data;

import java.util.List;

/**
 * What a column holds: its type (as inferred, or as the user chose) and statistics over its non-missing
 * values. {@code min}, {@code max}, {@code mean} and {@code std} (population standard deviation) are NaN
 * unless the type is NUMERIC; {@code mostFrequent} is empty for NUMERIC columns.
 */
public record ColumnProfile(String name, ColumnType type, ColumnType inferredType, int count, int missing,
                            int distinct, double min, double max, double mean, double std,
                            List<ValueCount> mostFrequent) {
    public ColumnProfile {
        mostFrequent = List.copyOf(mostFrequent);
    }

    /** A value and how many rows hold it. */
    public record ValueCount(String value, int count) {
    }
}
