package io.neuralworkbench.engine.training;

/**
 * Looks at the model on the training thread, between batches, where using it cannot race with training (the
 * model is not thread-safe). Whatever an observer does there adds to the training time, so observers bound
 * their own rate (a decision boundary a few times a second, histograms once per epoch).
 */
public interface ModelObserver {
    /** After each batch and its {@link TrainingListener#onIteration} calls. */
    default void afterBatch(IterationEvent event, ModelProbe model) {
    }

    /**
     * After each epoch and its {@link TrainingListener#onEpoch} calls.
     *
     * @param pausing whether the run pauses (or ends) before the next batch, so this state stays on screen
     */
    default void afterEpoch(EpochEvent event, ModelProbe model, boolean pausing) {
    }
}
