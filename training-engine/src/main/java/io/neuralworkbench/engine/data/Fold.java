package io.neuralworkbench.engine.data;

/**
 * One round of k-fold cross-validation: sample indices to train on and to validate on, each in ascending
 * order. The arrays are not copied; treat them as read-only.
 */
public record Fold(int[] trainIndices, int[] validationIndices) {
}
