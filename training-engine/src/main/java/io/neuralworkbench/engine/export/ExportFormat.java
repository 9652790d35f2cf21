package io.neuralworkbench.engine.export;

/** What an export writes into its folder. */
public enum ExportFormat {
    /** The model card, {@code model-card.html}: one self-contained HTML report. */
    CARD,
    /** A runnable Maven project that predicts with the bundle, the bundle included. */
    JAVA,
    /** A copy of the bundle, checked by reading it back. */
    BUNDLE,
    /** The network as an ONNX model and its fitted preprocessing as JSON beside it (see OnnxExport). */
    ONNX
}
