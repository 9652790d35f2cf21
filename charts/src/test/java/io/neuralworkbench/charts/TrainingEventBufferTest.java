package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.SessionState;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TrainingEventBufferTest {

    private static IterationEvent batch(long iteration, double loss) {
        return new IterationEvent(0, iteration, loss, 0);
    }

    private static EpochEvent epoch(int epoch) {
        return new EpochEvent(epoch, 100, 1.0 / (epoch + 1), 0.5, 1.1 / (epoch + 1), 0.4, 0.01, 1000, epoch, 99 - epoch);
    }

    @Test
    void aPullReturnsOnlyWhatIsNewSinceTheCursorsLastPull() {
        TrainingEventBuffer buffer = new TrainingEventBuffer(100);
        TrainingEventBuffer.Cursor cursor = buffer.newCursor();
        buffer.onIteration(batch(0, 2.0));
        buffer.onIteration(batch(1, 1.5));
        buffer.onEpoch(epoch(0));

        TrainingEventBuffer.Update first = buffer.pull(cursor);
        assertThat(first.iterationsReset()).isFalse();
        assertThat(first.iterations()).containsExactly(0, 1);
        assertThat(first.losses()).containsExactly(2.0, 1.5);
        assertThat(first.newEpochs()).extracting(EpochEvent::epoch).containsExactly(0);
        assertThat(first.epochEndIterations()).containsExactly(1L);

        buffer.onIteration(batch(2, 1.2));
        TrainingEventBuffer.Update second = buffer.pull(cursor);
        assertThat(second.iterations()).containsExactly(2);
        assertThat(second.newEpochs()).isEmpty();
        assertThat(second.latestIteration().loss()).isEqualTo(1.2);

        assertThat(buffer.pull(cursor).isEmpty()).isTrue();
    }

    @Test
    void readersWithTheirOwnCursorsEachSeeEverything() {
        TrainingEventBuffer buffer = new TrainingEventBuffer(100);
        TrainingEventBuffer.Cursor chart = buffer.newCursor();
        buffer.onIteration(batch(0, 1));
        buffer.pull(chart);
        TrainingEventBuffer.Cursor lateReader = buffer.newCursor();
        buffer.onIteration(batch(1, 1));

        assertThat(buffer.pull(chart).iterations()).containsExactly(1);
        assertThat(buffer.pull(lateReader).iterations()).containsExactly(0, 1);
    }

    @Test
    void longRunsKeepBoundedMemoryWithRecentBatchesExactAndOldOnesMerged() {
        int capacity = 1000;
        TrainingEventBuffer buffer = new TrainingEventBuffer(capacity);
        int batches = 100_000;
        for (int i = 0; i < batches; i++) {
            buffer.onIteration(batch(i, i));
        }
        TrainingEventBuffer.Update all = buffer.snapshot();

        assertThat(all.iterations().length).isLessThanOrEqualTo(capacity).isGreaterThan(capacity / 2);
        assertThat(all.totalIterations()).isEqualTo(batches);
        // Every batch is still represented exactly once, with its weight.
        long weightSum = 0;
        double weightedLossSum = 0;
        for (int i = 0; i < all.weights().length; i++) {
            weightSum += all.weights()[i];
            weightedLossSum += all.losses()[i] * all.weights()[i];
        }
        assertThat(weightSum).isEqualTo(batches);
        assertThat(weightedLossSum / weightSum).isCloseTo((batches - 1) / 2.0, within(1e-6));
        // Batch numbers stay in order; the newest ones are unmerged.
        for (int i = 1; i < all.iterations().length; i++) {
            assertThat(all.iterations()[i]).isGreaterThan(all.iterations()[i - 1]);
        }
        int last = all.iterations().length - 1;
        assertThat(all.iterations()[last]).isEqualTo(batches - 1);
        assertThat(all.weights()[last]).isEqualTo(1);
        assertThat(all.weights()[0]).isGreaterThan(1);
    }

    @Test
    void aCompactionTellsReadersToReloadTheWholeSeries() {
        TrainingEventBuffer buffer = new TrainingEventBuffer(8);
        TrainingEventBuffer.Cursor cursor = buffer.newCursor();
        for (int i = 0; i < 8; i++) {
            buffer.onIteration(batch(i, 10 - i));
        }
        assertThat(buffer.pull(cursor).iterations()).hasSize(8);

        buffer.onIteration(batch(8, 1));
        TrainingEventBuffer.Update afterCompaction = buffer.pull(cursor);
        assertThat(afterCompaction.iterationsReset()).isTrue();
        // The older half (0..3) became two points at 0.5 and 2.5; 4..8 are unchanged.
        assertThat(afterCompaction.iterations()).containsExactly(0.5, 2.5, 4, 5, 6, 7, 8);
        assertThat(afterCompaction.losses()).containsExactly(9.5, 7.5, 6, 5, 4, 3, 1);
        assertThat(afterCompaction.weights()).containsExactly(2, 2, 1, 1, 1, 1, 1);
    }

    @Test
    void aDivergedBatchDoesNotWipeOutTheFiniteBatchItIsMergedWith() {
        TrainingEventBuffer buffer = new TrainingEventBuffer(4);
        buffer.onIteration(batch(0, 3.0));
        buffer.onIteration(batch(1, Double.NaN));
        buffer.onIteration(batch(2, 1.0));
        buffer.onIteration(batch(3, 1.0));
        buffer.onIteration(batch(4, 1.0));

        assertThat(buffer.snapshot().losses()[0]).isEqualTo(3.0);
    }

    @Test
    void keepsEveryEpochAndTheLatestState() {
        TrainingEventBuffer buffer = new TrainingEventBuffer(4);
        for (int e = 0; e < 50; e++) {
            buffer.onEpoch(epoch(e));
        }
        buffer.onStateChanged(SessionState.PAUSED, "paused by the user");

        TrainingEventBuffer.Update all = buffer.snapshot();
        assertThat(all.newEpochs()).hasSize(50);
        assertThat(all.state()).isEqualTo(SessionState.PAUSED);
        assertThat(all.stateMessage()).isEqualTo("paused by the user");
    }

    @Test
    void rejectsACapacityTooSmallToCompact() {
        assertThatThrownBy(() -> new TrainingEventBuffer(2)).hasMessageContaining("at least 4");
    }

    /**
     * A training thread writes while two UI-like readers pull as fast as they can; each reader rebuilds the
     * series from its updates (append, or replace on reset) and must end with exactly the buffer's content.
     */
    @Test
    void concurrentReadersRebuildExactlyWhatTheWriterWrote() throws Exception {
        TrainingEventBuffer buffer = new TrainingEventBuffer(500);
        int batches = 200_000;
        ExecutorService threads = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readersStarted = new CountDownLatch(2);
        try {
            List<Future<double[][]>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    TrainingEventBuffer.Cursor cursor = buffer.newCursor();
                    List<Double> xs = new ArrayList<>();
                    List<Double> ys = new ArrayList<>();
                    readersStarted.countDown();
                    boolean lastRound = false;
                    while (!lastRound) {
                        lastRound = !writing.get();
                        TrainingEventBuffer.Update update = buffer.pull(cursor);
                        if (update.iterationsReset()) {
                            xs.clear();
                            ys.clear();
                        }
                        for (int i = 0; i < update.iterations().length; i++) {
                            xs.add(update.iterations()[i]);
                            ys.add(update.losses()[i]);
                        }
                        for (int i = 1; i < xs.size(); i++) {
                            if (xs.get(i) <= xs.get(i - 1)) {
                                throw new AssertionError("batch numbers out of order at " + i);
                            }
                        }
                    }
                    return new double[][] {
                        xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray()};
                }));
            }
            Future<?> writer = threads.submit(() -> {
                awaitQuietly(readersStarted);
                for (int i = 0; i < batches; i++) {
                    buffer.onIteration(batch(i, Math.exp(-i / 50_000.0)));
                    if (i % 10_000 == 9_999) {
                        buffer.onEpoch(epoch(i / 10_000));
                    }
                }
                writing.set(false);
            });
            writer.get(60, TimeUnit.SECONDS);

            TrainingEventBuffer.Update finalState = buffer.snapshot();
            for (Future<double[][]> reader : readers) {
                double[][] rebuilt = reader.get(60, TimeUnit.SECONDS);
                assertThat(rebuilt[0]).containsExactly(finalState.iterations());
                assertThat(rebuilt[1]).containsExactly(finalState.losses());
            }
            assertThat(finalState.totalIterations()).isEqualTo(batches);
            assertThat(finalState.newEpochs()).hasSize(batches / 10_000);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
