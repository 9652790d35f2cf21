package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.SampleSource;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the given batches of a source in order, each next batch on a background thread while the caller works
 * on the current one, so reading images from disk overlaps with training. At most two batches are in memory.
 * Reads happen one at a time, as {@link SampleSource#read} requires.
 */
public final class BatchPrefetcher implements AutoCloseable {
    private final SampleSource source;
    private final List<int[]> batches;
    private final ExecutorService reader;
    private int next;
    private Future<ArrayDataset> pending;

    public BatchPrefetcher(SampleSource source, List<int[]> batches) {
        this.source = source;
        this.batches = List.copyOf(batches);
        this.reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "batch-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        pending = batches.isEmpty() ? null : reader.submit(() -> source.read(this.batches.get(0)));
    }

    public boolean hasNext() {
        return next < batches.size();
    }

    /**
     * The next batch, waiting for it if it is still being read; starts reading the one after.
     *
     * @throws RuntimeException what reading the batch threw (e.g. a user input error for an unreadable file)
     */
    public ArrayDataset next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + batches.size() + " batches were read");
        }
        ArrayDataset batch = await(pending);
        next++;
        pending = hasNext() ? reader.submit(() -> source.read(batches.get(next))) : null;
        return batch;
    }

    private static ArrayDataset await(Future<ArrayDataset> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops reading; a batch being read is abandoned. */
    @Override
    public void close() {
        reader.shutdownNow();
    }
}
