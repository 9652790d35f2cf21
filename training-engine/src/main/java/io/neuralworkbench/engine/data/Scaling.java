package io.neuralworkbench.engine.data;

/** How numeric feature columns are rescaled, with parameters fitted on the training split. */
public enum Scaling {
    /** Subtract the mean, divide by the standard deviation. */
    STANDARDIZE,
    /** Map the training minimum to 0 and maximum to 1. */
    MIN_MAX,
    /** Leave values as they are. */
    NONE
}
