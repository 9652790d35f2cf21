package io.neuralworkbench.engine.data;

/** What a model learns to predict from the target column. */
public enum TaskType {
    /** One of a fixed set of classes. */
    CLASSIFICATION,
    /** A number. */
    REGRESSION
}
