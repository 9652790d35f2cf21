package io.neuralworkbench.engine.data;

/** The three parts the usable rows are split into. */
public enum Split {
    TRAIN,
    VALIDATION,
    TEST
}
