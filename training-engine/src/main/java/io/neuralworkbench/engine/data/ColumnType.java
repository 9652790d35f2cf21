package io.neuralworkbench.engine.data;

/** What the values of a column are, which decides how the column becomes features. */
public enum ColumnType {
    /** Decimal numbers; scaled into one feature. */
    NUMERIC,
    /** A limited set of labels; one-hot encoded, one feature per label. */
    CATEGORICAL,
    /** {@code true}/{@code false} in any letter case; one 0/1 feature. Columns of 0 and 1 stay NUMERIC. */
    BOOLEAN,
    /** Free text (many distinct, long values); left out of tabular features. */
    TEXT,
    /** No values at all; left out. Only inferred, never chosen. */
    EMPTY
}
