package io.neuralworkbench.engine.network;

/** How a layer's weights are initialised before training. */
public enum WeightInit {
    /** Glorot normal: a good default for tanh, sigmoid and softmax layers. */
    XAVIER,
    /** Glorot uniform (Keras' default). */
    XAVIER_UNIFORM,
    /** He normal: the usual choice before ReLU-family activations. */
    HE,
    /** He uniform. */
    HE_UNIFORM,
    /** LeCun normal: the choice before SELU. */
    LECUN_NORMAL
}
