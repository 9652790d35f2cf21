package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.charts.DecisionBoundaryView;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.ModelObserver;
import io.neuralworkbench.engine.training.ModelProbe;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Predicts the decision boundary's grid on the training thread, between two batches, where the model cannot
 * change under the prediction (models are not thread-safe; a copy per frame would cost more than the prediction).
 * At most {@link DecisionBoundaryView#MAX_UPDATES_PER_SECOND} times a second and at most {@link #MAX_SHARE} of the
 * training thread's time (a slow prediction lowers the frame rate, not the training speed), and always at an epoch
 * after which the run pauses or ends, so a step or the end shows the model as it is. The view paints the image on
 * its own worker.
 */
public final class BoundaryFeed implements ModelObserver {
    /** The largest share of the training thread's time predicting the boundary may take. */
    static final double MAX_SHARE = 0.05;

    private final DecisionBoundaryView view;
    private final TrainingThreadBudget budget = new TrainingThreadBudget(DecisionBoundaryView.MAX_UPDATES_PER_SECOND,
            MAX_SHARE);
    private volatile boolean enabled;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong predictingNanos = new AtomicLong();

    public BoundaryFeed(DecisionBoundaryView view) {
        this.view = view;
    }

    /** On for a run whose data has two features and classes (the view then holds its points); off otherwise. */
    public void setEnabled(boolean on) {
        enabled = on;
        budget.reset();
    }

    @Override
    public void afterBatch(IterationEvent event, ModelProbe model) {
        if (enabled && budget.due()) {
            predict(model);
        }
    }

    @Override
    public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausing) {
        if (enabled && (pausing || budget.due())) {
            predict(model);
        }
    }

    private void predict(ModelProbe model) {
        long start = System.nanoTime();
        float[][] grid = view.gridPoints();
        view.showPredictions(grid, model.predict(grid));
        budget.spentSince(start);
        predictingNanos.addAndGet(System.nanoTime() - start);
        frames.incrementAndGet();
    }

    /** Boundaries predicted since this feed was made. */
    public long frames() {
        return frames.get();
    }

    /** Training-thread time spent predicting boundaries, in seconds: what the boundary costs the run. */
    public double secondsPredicting() {
        return predictingNanos.get() / 1e9;
    }
}
