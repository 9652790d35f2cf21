package io.neuralworkbench.engine.network;

/** The loss an output node minimises. */
public enum Loss {
    /** Multi-class cross-entropy; pair with softmax. */
    CROSS_ENTROPY(true, "cross-entropy"),
    /** Binary cross-entropy per output; pair with sigmoid. */
    BINARY_CROSS_ENTROPY(true, "binary cross-entropy"),
    /** Mean squared error, for regression. */
    MSE(false, "mean squared error"),
    /** Mean absolute error, for regression robust to outliers. */
    MAE(false, "mean absolute error");

    private final boolean classification;
    private final String displayName;

    Loss(boolean classification, String displayName) {
        this.classification = classification;
        this.displayName = displayName;
    }

    /** The name in messages, e.g. "mean squared error". */
    public String displayName() {
        return displayName;
    }

    public boolean isClassification() {
        return classification;
    }
}
