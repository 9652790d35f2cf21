package io.neuralworkbench.charts;

import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a training session's events on the training thread so a UI can draw them once per frame: the
 * training thread only copies a few numbers under a short lock, and each reader {@link #pull pulls} what is
 * new since its last pull. No JavaFX here, so the buffer also serves the command line and tests.
 *
 * <p>Memory stays bounded on long runs: at most {@code iterationCapacity} per-batch points are kept. When the
 * buffer is full its older half is halved by merging neighbouring points (their count-weighted mean), so the
 * recent part of the curve keeps every batch and old parts become coarser the older they are. Epoch events
 * are few and all kept.
 */
public final class TrainingEventBuffer implements TrainingListener {
    /** Enough for a smooth curve on any screen, small enough to redraw in well under a frame. */
    public static final int DEFAULT_ITERATION_CAPACITY = 20_000;

    private final int capacity;
    private final double[] iterations;
    private final double[] losses;
    /** Each point's update/parameter norm ratio (NaN when the session does not measure it). */
    private final double[] updateRatios;
    /** How many batches each stored point stands for. */
    private final int[] weights;
    private int size;
    /** Counts compactions: a reader that saw an older generation must reload the whole series. */
    private long generation;
    private long totalIterations;

    private final List<EpochEvent> epochs = new ArrayList<>();
    /** The batch number each epoch ended at, so epoch figures can be drawn on a per-batch axis. */
    private final List<Long> epochEndIterations = new ArrayList<>();
    private IterationEvent latestIteration;
    private SessionState state = SessionState.CREATED;
    private String stateMessage = "";

    public TrainingEventBuffer() {
        this(DEFAULT_ITERATION_CAPACITY);
    }

    /** @param iterationCapacity the most per-batch points kept, at least 4 */
    public TrainingEventBuffer(int iterationCapacity) {
        if (iterationCapacity < 4) {
            throw new IllegalArgumentException("iteration capacity must be at least 4, was " + iterationCapacity);
        }
        this.capacity = iterationCapacity;
        this.iterations = new double[iterationCapacity];
        this.losses = new double[iterationCapacity];
        this.updateRatios = new double[iterationCapacity];
        this.weights = new int[iterationCapacity];
    }

    @Override
    public synchronized void onIteration(IterationEvent event) {
        if (size == capacity) {
            compactOlderHalf();
        }
        iterations[size] = event.iteration();
        losses[size] = event.loss();
        updateRatios[size] = event.updateRatio();
        weights[size] = 1;
        size++;
        totalIterations++;
        latestIteration = event;
    }

    @Override
    public synchronized void onEpoch(EpochEvent event) {
        epochs.add(event);
        epochEndIterations.add(latestIteration == null ? -1L : latestIteration.iteration());
    }

    @Override
    public synchronized void onStateChanged(SessionState newState, String message) {
        state = newState;
        stateMessage = message == null ? "" : message;
    }

    /** A new reader position: its first pull returns everything so far. */
    public Cursor newCursor() {
        return new Cursor();
    }

    /**
     * What is new since this cursor's last pull, and moves the cursor on. Each reader (a chart, a progress
     * label) keeps its own cursor; a cursor must not be shared between threads.
     */
    public synchronized Update pull(Cursor cursor) {
        boolean reset = cursor.generation != generation || cursor.iterationsSeen > size;
        int from = reset ? 0 : cursor.iterationsSeen;
        Update update = new Update(reset,
                Arrays.copyOfRange(iterations, from, size),
                Arrays.copyOfRange(losses, from, size),
                Arrays.copyOfRange(updateRatios, from, size),
                Arrays.copyOfRange(weights, from, size),
                List.copyOf(epochs.subList(cursor.epochsSeen, epochs.size())),
                epochEndIterations.subList(cursor.epochsSeen, epochs.size()).stream().mapToLong(Long::longValue)
                        .toArray(),
                latestIteration, state, stateMessage, totalIterations);
        cursor.generation = generation;
        cursor.iterationsSeen = size;
        cursor.epochsSeen = epochs.size();
        return update;
    }

    /** Every kept point, epoch and the current state, as one consistent copy. */
    public Update snapshot() {
        return pull(newCursor());
    }

    /** The most per-batch points this buffer keeps. */
    public int iterationCapacity() {
        return capacity;
    }

    private void compactOlderHalf() {
        int half = size / 2;
        int merged = 0;
        for (int i = 0; i + 1 < half; i += 2) {
            mergeInto(merged++, i, i + 1);
        }
        if (half % 2 == 1) {
            copyPoint(half - 1, merged++);
        }
        for (int i = half; i < size; i++) {
            copyPoint(i, merged++);
        }
        size = merged;
        generation++;
    }

    private void mergeInto(int target, int first, int second) {
        int w1 = weights[first];
        int w2 = weights[second];
        double x = (iterations[first] * w1 + iterations[second] * w2) / (w1 + w2);
        iterations[target] = x;
        losses[target] = finiteWeightedMean(losses[first], w1, losses[second], w2);
        updateRatios[target] = finiteWeightedMean(updateRatios[first], w1, updateRatios[second], w2);
        weights[target] = w1 + w2;
    }

    /** A diverged batch (NaN or infinite loss) must not wipe out the finite neighbour it is merged with. */
    private static double finiteWeightedMean(double a, int wa, double b, int wb) {
        boolean aFinite = Double.isFinite(a);
        boolean bFinite = Double.isFinite(b);
        if (aFinite && bFinite) {
            return (a * wa + b * wb) / (wa + wb);
        }
        if (aFinite) {
            return a;
        }
        return bFinite ? b : a;
    }

    private void copyPoint(int from, int to) {
        iterations[to] = iterations[from];
        losses[to] = losses[from];
        updateRatios[to] = updateRatios[from];
        weights[to] = weights[from];
    }

    /** One reader's position in the buffer. */
    public static final class Cursor {
        private long generation;
        private int iterationsSeen;
        private int epochsSeen;

        private Cursor() {
        }
    }

    /**
     * What a pull returns.
     *
     * @param iterationsReset true when the per-batch series was compacted since the last pull: the arrays then
     *                        hold the whole series, which replaces what the reader has; otherwise they are
     *                        the points to append
     * @param iterations      batch numbers (a merged point sits at the mean batch number of its batches)
     * @param losses          the loss of each point
     * @param updateRatios    each point's update norm / parameter norm, NaN where it was not measured
     * @param weights         how many batches each point stands for
     * @param newEpochs       epochs ended since the last pull, in order
     * @param epochEndIterations for each new epoch, the batch number of its last batch (-1 if no batch was seen)
     * @param latestIteration the last batch's event, or null before the first batch
     * @param totalIterations batches seen since the buffer was created, merged or not
     */
    public record Update(boolean iterationsReset, double[] iterations, double[] losses, double[] updateRatios,
                         int[] weights,
                         List<EpochEvent> newEpochs, long[] epochEndIterations, IterationEvent latestIteration, SessionState state,
                         String stateMessage, long totalIterations) {

        /** True when there is nothing to draw: no new points, no reset, no new epochs. */
        public boolean isEmpty() {
            return !iterationsReset && iterations.length == 0 && newEpochs.isEmpty();
        }
    }
}
