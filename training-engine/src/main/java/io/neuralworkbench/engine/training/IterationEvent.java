package io.neuralworkbench.engine.training;

/**
 * After one batch: its loss and how far the run is, and, on the batches where the session measures them
 * ({@link TrainingSession#setMeasureUpdates}) and the backend can, how large the batch's weight update was.
 *
 * @param epoch       0-based epoch
 * @param iteration   0-based batch count over the whole run
 * @param progress    fraction of the run done, 0–1
 * @param updateNorm  global L2 norm of the parameter update this batch made, or NaN when not measured
 * @param updateRatio {@code updateNorm} divided by the L2 norm of all parameters (healthy runs are often near
 *                    1e-3), or NaN when not measured
 */
public record IterationEvent(int epoch, long iteration, double loss, double progress, double updateNorm,
                             double updateRatio) {

    /** An event without update figures. */
    public IterationEvent(int epoch, long iteration, double loss, double progress) {
        this(epoch, iteration, loss, progress, Double.NaN, Double.NaN);
    }
}
