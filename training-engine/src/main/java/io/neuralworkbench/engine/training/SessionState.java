package io.neuralworkbench.engine.training;

/** Where a training session is in its life. */
public enum SessionState {
    CREATED, RUNNING, PAUSED,
    /** All epochs done, or early stopping ended the run. */
    COMPLETED,
    /** The user stopped it; the model so far is kept. */
    STOPPED,
    /** The loss became NaN or infinite; the model was rolled back to the last good epoch. */
    DIVERGED,
    /** An unexpected error ended the run. */
    FAILED;

    public boolean isFinished() {
        return this == COMPLETED || this == STOPPED || this == DIVERGED || this == FAILED;
    }
}
