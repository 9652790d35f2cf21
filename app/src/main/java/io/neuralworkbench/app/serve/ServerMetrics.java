package io.neuralworkbench.app.serve;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Request count, errors and latency percentiles over the most recent requests; safe from any thread. */
final class ServerMetrics {
    static final int LATENCY_WINDOW = 10_000;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong clientErrors = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final double[] latencies = new double[LATENCY_WINDOW];
    private long recorded;

    void record(int status, double millis) {
        requests.incrementAndGet();
        if (status >= 500) {
            serverErrors.incrementAndGet();
        } else if (status >= 400) {
            clientErrors.incrementAndGet();
        }
        synchronized (latencies) {
            latencies[(int) (recorded++ % LATENCY_WINDOW)] = millis;
        }
    }

    Map<String, Object> snapshot() {
        double[] window;
        synchronized (latencies) {
            window = Arrays.copyOf(latencies, (int) Math.min(recorded, LATENCY_WINDOW));
        }
        Arrays.sort(window);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("window", window.length);
        latency.put("p50", percentile(window, 0.50));
        latency.put("p95", percentile(window, 0.95));
        latency.put("p99", percentile(window, 0.99));
        latency.put("max", window.length == 0 ? 0.0 : window[window.length - 1]);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", requests.get());
        result.put("clientErrors", clientErrors.get());
        result.put("serverErrors", serverErrors.get());
        result.put("latencyMillis", latency);
        return result;
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static double percentile(double[] sorted, double share) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
