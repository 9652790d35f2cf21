package io.neuralworkbench.engine.network;

import java.util.Locale;

/** Activation functions a layer can apply to its output. */
public enum Activation {
    IDENTITY, RELU, LEAKY_RELU, ELU, SELU, GELU, SWISH, TANH, SIGMOID, SOFTMAX, SOFTPLUS;

    /** The name in messages, e.g. "leaky relu". */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
