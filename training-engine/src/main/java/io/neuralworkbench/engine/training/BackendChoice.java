package io.neuralworkbench.engine.training;

/**
 * The backend that trains a network, and, when {@code auto} chose it, why in one line (null when the user named
 * the backend).
 */
public record BackendChoice(TrainingBackend backend, String reason) {
}
