package io.neuralworkbench.engine.network;

/** How a pooling layer summarises a window. */
public enum PoolingType {
    MAX, AVG
}
