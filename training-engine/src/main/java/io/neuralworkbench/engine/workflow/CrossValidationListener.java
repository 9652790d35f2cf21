package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;

/**
 * Receives a cross-validation's progress on the thread that runs it; folds count from 0. As with
 * {@link io.neuralworkbench.engine.training.TrainingListener}, implementations must return quickly.
 */
public interface CrossValidationListener {

    default void onFoldStarted(int fold, int foldCount, int trainingRows, int heldOutRows) {
    }

    default void onIteration(int fold, int foldCount, IterationEvent event) {
    }

    /** After each epoch of a fold; the validation figures are on the held-out fold. */
    default void onEpoch(int fold, int foldCount, EpochEvent event) {
    }

    default void onFoldFinished(FoldResult result, int foldCount) {
    }
}
