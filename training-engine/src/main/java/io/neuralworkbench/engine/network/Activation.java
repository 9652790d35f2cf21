package io.neuralworkbench.engine.network;

/** Activation functions a layer can apply to its output. */
public enum Activation {
    IDENTITY, RELU, LEAKY_RELU, ELU, SELU, GELU, SWISH, TANH, SIGMOID, SOFTMAX, SOFTPLUS
}
