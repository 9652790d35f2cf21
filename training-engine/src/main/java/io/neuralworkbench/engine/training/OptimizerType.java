package io.neuralworkbench.engine.training;

/** The update rule applied to the weights after each batch. */
public enum OptimizerType {
    /** Plain stochastic gradient descent. */
    SGD,
    /** SGD with Nesterov momentum. */
    SGD_NESTEROV,
    /** Adam: adaptive per-weight step sizes; the usual default. */
    ADAM,
    /** Adam with decoupled weight decay (the AdamW idea): decay is applied to the weights, not the gradient. */
    ADAMW,
    /** RMSProp: adaptive step sizes from a running average of squared gradients. */
    RMSPROP
}
