package io.neuralworkbench.engine.data;

/**
 * What to do with an empty cell. MEAN and MEDIAN only make sense for numbers; categorical and boolean columns
 * use the most frequent value instead.
 */
public enum MissingValueStrategy {
    /** Leave out every row with a missing value in the column (when preparing training data). */
    DROP_ROW,
    MEAN,
    MEDIAN,
    MOST_FREQUENT,
    /** A fixed value given by the user; for a categorical column it becomes a category of its own. */
    CONSTANT
}
