package io.neuralworkbench.app.gui.train;

/**
 * Paces optional work on the training thread (drawing the decision boundary, measuring histograms): at most a
 * given number of times a second, and never more than a given share of the thread's time, so a slow prediction
 * (a large grid on a slow backend, a busy machine) lowers the frame rate instead of slowing training down.
 * Used by one thread only.
 */
final class TrainingThreadBudget {
    private final long minNanosBetween;
    private final double waitPerNanoSpent;
    private final java.util.function.LongSupplier clock;
    private long nextNanos;

    /**
     * @param maxPerSecond how often the work may run at most
     * @param maxShare     the largest share of the thread's time the work may take, e.g. 0.05
     */
    TrainingThreadBudget(int maxPerSecond, double maxShare) {
        this(maxPerSecond, maxShare, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} (a test's own clock) */
    TrainingThreadBudget(int maxPerSecond, double maxShare, java.util.function.LongSupplier clock) {
        this.clock = clock;
        this.minNanosBetween = 1_000_000_000L / maxPerSecond;
        this.waitPerNanoSpent = (1 - maxShare) / maxShare;
        reset();
    }

    /** The next call to {@link #due} is true. */
    void reset() {
        nextNanos = clock.getAsLong();
    }

    boolean due() {
        return clock.getAsLong() - nextNanos >= 0;
    }

    /** The work took from {@code startNanos} until now: the next run waits long enough to keep the share. */
    void spentSince(long startNanos) {
        long end = clock.getAsLong();
        nextNanos = end + Math.max(minNanosBetween, (long) ((end - startNanos) * waitPerNanoSpent));
    }
}
