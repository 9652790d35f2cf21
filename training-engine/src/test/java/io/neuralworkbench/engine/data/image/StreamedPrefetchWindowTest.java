package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.BatchPrefetcher;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingListener;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.neuralworkbench.engine.data.image.ImageFolderImporterTest.MNIST_PNG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed image folder is decoded batch by batch, and no more than {@link BatchPrefetcher#BATCHES_IN_MEMORY}
 * decoded batches exist at once: the one in use and the one being read. Counted, not timed: at the start of
 * every read, the batches read so far (this one included) minus those the consumer is done with.
 */
class StreamedPrefetchWindowTest {

    /**
     * Counts the decoded batches that are alive: started reads minus batches released by the consumer. Only the
     * training epochs ({@link #forEpoch}) count, not the session's accuracy scoring on the source itself.
     */
    private static final class CountingSource implements SampleSource {
        private final SampleSource delegate;
        private final boolean counting;
        private final AtomicInteger readsStarted;
        private final AtomicInteger released;
        private final AtomicInteger mostAlive;

        CountingSource(SampleSource delegate) {
            this(delegate, false, new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }

        private CountingSource(SampleSource delegate, boolean counting, AtomicInteger readsStarted,
                               AtomicInteger released, AtomicInteger mostAlive) {
            this.delegate = delegate;
            this.counting = counting;
            this.readsStarted = readsStarted;
            this.released = released;
            this.mostAlive = mostAlive;
        }

        void release() {
            released.incrementAndGet();
        }

        @Override
        public int size() {
            return delegate.size();
        }

        @Override
        public List<String> classNames() {
            return delegate.classNames();
        }

        @Override
        public int featureCount() {
            return delegate.featureCount();
        }

        @Override
        public int targetCount() {
            return delegate.targetCount();
        }

        @Override
        public boolean inMemory() {
            return false;
        }

        @Override
        public ArrayDataset read(int[] indices) {
            if (counting) {
                int alive = readsStarted.incrementAndGet() - released.get();
                mostAlive.accumulateAndGet(alive, Math::max);
            }
            return delegate.read(indices);
        }

        @Override
        public SampleSource forEpoch(long seed, int epoch) {
            return new CountingSource(delegate.forEpoch(seed, epoch), true, readsStarted, released, mostAlive);
        }
    }

    private static PreparedInputs streamedDigits() {
        PreparedInputs inputs = ImageDatasets.fromFolder(MNIST_PNG,
                ImageOptions.defaults().withStorage(ImageOptions.Storage.STREAM));
        assertThat(inputs.train()).isInstanceOf(StreamedImageSource.class);
        return inputs;
    }

    private static List<int[]> batchesOf(int size, int batchSize) {
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < size; from += batchSize) {
            batches.add(IntStream.range(from, Math.min(size, from + batchSize)).toArray());
        }
        return batches;
    }

    @Test
    void aSlowConsumerNeverHasMoreThanThePrefetchWindowOfDecodedBatches() throws InterruptedException {
        CountingSource source = new CountingSource(streamedDigits().train());
        List<int[]> batches = batchesOf(source.size(), 16);
        int seen = 0;
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(source.forEpoch(1, 0), batches)) {
            while (prefetcher.hasNext()) {
                ArrayDataset batch = prefetcher.next();
                assertThat(batch.size()).isEqualTo(batches.get(seen).length);
                // Working slowly on the batch gives an eager reader every chance to run ahead.
                Thread.sleep(5);
                seen++;
                source.release();
            }
        }

        assertThat(seen).isEqualTo(batches.size()).isGreaterThan(20);
        assertThat(source.readsStarted.get()).isEqualTo(batches.size());
        assertThat(source.mostAlive.get()).isBetween(1, BatchPrefetcher.BATCHES_IN_MEMORY);
    }

    @Test
    void aTrainingSessionOnAStreamedFolderHoldsAtMostThePrefetchWindow() {
        PreparedInputs inputs = streamedDigits();
        CountingSource train = new CountingSource(inputs.train());
        NetworkDescription network = Templates.mlpClassifier(28 * 28, 10);
        TrainingSession session = TrainingSession.create(new Dl4jGraphBackend(), network,
                TrainingConfig.defaults().withEpochs(2).withBatchSize(32), train, null, null);
        // A batch is done with once the session reports its iteration.
        session.addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent event) {
                train.release();
            }
        });

        assertThat(session.run().state()).isEqualTo(SessionState.COMPLETED);
        int batchesPerEpoch = (train.size() + 31) / 32;
        assertThat(train.readsStarted.get()).isEqualTo(2 * batchesPerEpoch);
        assertThat(train.mostAlive.get()).isBetween(1, BatchPrefetcher.BATCHES_IN_MEMORY);
    }
}
