package io.neuralworkbench.engine.network;

/** Convolution and pooling border handling. */
public enum Padding {
    /** No padding: the output shrinks by kernel − 1. */
    VALID,
    /** Pad so that the output is input / stride, rounded up. */
    SAME
}
