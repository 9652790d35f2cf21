package io.neuralworkbench.engine.training;

/**
 * After one batch: its loss and how far the run is.
 *
 * @param epoch     0-based epoch
 * @param iteration 0-based batch count over the whole run
 * @param progress  fraction of the run done, 0–1
 */
public record IterationEvent(int epoch, long iteration, double loss, double progress) {
}
