package io.neuralworkbench.bench;

import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.image.ImageDatasets;
import io.neuralworkbench.engine.data.image.ImageOptions;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Child JVM of {@link ImagePipelineBenchmark}: imports an RGB image folder with the default (automatic)
 * storage, streams one training epoch of it and prints the peak heap as the memory pool MXBeans saw it (and the
 * most still in use after a collection, from the collectors' notifications).
 * Arguments: the folder and the batch size.
 */
public final class ImageStreamChild {
    private static final double MEBIBYTE = 1024.0 * 1024.0;

    private ImageStreamChild() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        // The pools peak at different moments, so their peaks do not add up to the heap's: sample the total too.
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampledPeak.accumulateAndGet(heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum(),
                        Math::max);
                LockSupport.parkNanos(1_000_000);
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        AtomicLong liveAfterCollection = new AtomicLong();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo();
                    liveAfterCollection.accumulateAndGet(heapPools.stream()
                            .map(pool -> info.getMemoryUsageAfterGc().get(pool.getName()))
                            .filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum(), Math::max);
                }
            }, null, null);
        }

        long start = System.nanoTime();
        PreparedInputs inputs = ImageDatasets.fromFolder(folder, ImageOptions.defaults().withChannels(3)
                .withSplit(0, 0, 1));
        inputs.notes().forEach(note -> System.out.println("Importer: " + note));
        long images = ImagePipelineBenchmark.streamEpoch(inputs.train(), 0, batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();

        long peakSum = 0;
        StringBuilder perPool = new StringBuilder();
        for (MemoryPoolMXBean pool : heapPools) {
            long peak = pool.getPeakUsage().getUsed();
            peakSum += peak;
            perPool.append(String.format(Locale.ROOT, "%s%s %.1f", perPool.isEmpty() ? "" : ", ", pool.getName(),
                    peak / MEBIBYTE));
        }
        long collections = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        System.out.printf(Locale.ROOT, "Streamed %d images in %.1f s (import included): %.0f images/s.%n", images,
                seconds, images / seconds);
        System.out.printf(Locale.ROOT, "Heap maximum %.0f MiB. Peak heap used, sampled every millisecond from the"
                + " heap pools: %.1f MiB. Most heap still used right after a collection: %.1f MiB (young"
                + " collections leave old garbage in place, so this bounds the live data from above)."
                + " Peaks of the pools, each at its own moment: %s MiB (sum %.1f MiB). %d garbage collections.%n",
                Runtime.getRuntime().maxMemory() / MEBIBYTE, sampledPeak.get() / MEBIBYTE,
                liveAfterCollection.get() / MEBIBYTE, perPool, peakSum / MEBIBYTE, collections);
    }
}
