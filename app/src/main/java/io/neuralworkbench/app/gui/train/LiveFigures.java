package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingListener;

/**
 * The latest figures of a running session, written on the training thread and read once per frame: a few
 * volatile writes per batch, nothing queued. Running time counts only while the session is RUNNING, so pauses
 * do not lower the throughput or stretch the ETA.
 */
final class LiveFigures implements TrainingListener {
    private volatile IterationEvent latestIteration;
    private volatile EpochEvent latestEpoch;
    private volatile SessionState state = SessionState.CREATED;
    private volatile String message = "";
    private long runningNanos;
    private long runningSince = -1;

    @Override
    public void onIteration(IterationEvent event) {
        latestIteration = event;
    }

    @Override
    public void onEpoch(EpochEvent event) {
        latestEpoch = event;
    }

    @Override
    public synchronized void onStateChanged(SessionState newState, String newMessage) {
        long now = System.nanoTime();
        if (newState == SessionState.RUNNING && runningSince < 0) {
            runningSince = now;
        } else if (newState != SessionState.RUNNING && runningSince >= 0) {
            runningNanos += now - runningSince;
            runningSince = -1;
        }
        state = newState;
        message = newMessage == null ? "" : newMessage;
    }

    /** The last batch's event, or null before the first batch. */
    IterationEvent latestIteration() {
        return latestIteration;
    }

    EpochEvent latestEpoch() {
        return latestEpoch;
    }

    SessionState state() {
        return state;
    }

    String message() {
        return message;
    }

    /** Seconds spent running so far, pauses left out. */
    synchronized double runningSeconds() {
        long total = runningNanos + (runningSince >= 0 ? System.nanoTime() - runningSince : 0);
        return total / 1e9;
    }
}
