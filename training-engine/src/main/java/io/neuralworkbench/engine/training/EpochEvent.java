package io.neuralworkbench.engine.training;

/**
 * After one epoch. Accuracies are NaN for regression; validation figures are NaN when there is no validation
 * set. Times are in seconds so the event serialises as plain JSON into checkpoints and projects.
 *
 * @param epoch          the 0-based epoch that just ended
 * @param elapsedSeconds training time so far (pauses excluded)
 * @param etaSeconds     estimated time to the last epoch
 */
public record EpochEvent(int epoch, int totalEpochs, double trainLoss, double trainAccuracy,
                         double validationLoss, double validationAccuracy, double learningRate,
                         double samplesPerSecond, double elapsedSeconds, double etaSeconds) {
}
