package io.neuralworkbench.engine.training;

/**
 * Receives a session's events on the training thread. Implementations must return quickly (copy the figures
 * into a buffer); a UI redraws from that buffer at its own frame rate.
 */
public interface TrainingListener {

    default void onStateChanged(SessionState state, String message) {
    }

    default void onIteration(IterationEvent event) {
    }

    default void onEpoch(EpochEvent event) {
    }
}
