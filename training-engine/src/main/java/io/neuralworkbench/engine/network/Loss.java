package io.neuralworkbench.engine.network;

/** The loss an output node minimises. */
public enum Loss {
    /** Multi-class cross-entropy; pair with softmax. */
    CROSS_ENTROPY(true),
    /** Binary cross-entropy per output; pair with sigmoid. */
    BINARY_CROSS_ENTROPY(true),
    /** Mean squared error, for regression. */
    MSE(false),
    /** Mean absolute error, for regression robust to outliers. */
    MAE(false);

    private final boolean classification;

    Loss(boolean classification) {
        this.classification = classification;
    }

    public boolean isClassification() {
        return classification;
    }
}
