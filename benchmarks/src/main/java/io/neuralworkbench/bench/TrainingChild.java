package io.neuralworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Child process: trains one model with one engine, warms up, then times several windows and prints the
 * result line. Arguments: model engine warmupSeconds windows windowSeconds.
 */
public final class TrainingChild {
    /** Enough distinct batches that every step gathers fresh rows, few enough to stay small in memory. */
    static final int BATCHES_IN_DATA = 16;
    /** Steps the warm-up takes at least, so slow models still compile and touch every code path. */
    static final int MIN_WARMUP_STEPS = 5;

    private TrainingChild() {
    }

    public static void main(String[] args) throws IOException {
        BenchModel model = BenchModel.byId(args[0]);
        Engine engine = Engine.byId(args[1]);
        double warmupSeconds = Double.parseDouble(args[2]);
        int windows = Integer.parseInt(args[3]);
        double windowSeconds = Double.parseDouble(args[4]);

        SyntheticData data = SyntheticData.generate(model, model.batchSize() * BATCHES_IN_DATA, 42);
        List<int[]> batches = shuffledBatches(data.size(), model.batchSize());
        try (TrainingLoop loop = engine.open(model, data)) {
            BatchCycle cycle = new BatchCycle(loop, batches);
            cycle.runFor(warmupSeconds, MIN_WARMUP_STEPS);
            List<Double> samplesPerSecond = new ArrayList<>();
            List<Double> samplesPerCpuSecond = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                long start = System.nanoTime();
                long cpuStart = PairedChild.processCpuNanos();
                int steps = cycle.runFor(windowSeconds, 1);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (PairedChild.processCpuNanos() - cpuStart) / 1e9;
                samplesPerSecond.add(steps * (double) model.batchSize() / seconds);
                samplesPerCpuSecond.add(steps * (double) model.batchSize() / cpuSeconds);
            }
            ResultLine.print(new TrainingMeasurement(model.id(), engine.id(), loop.threads(), loop.parameterCount(),
                    samplesPerSecond, samplesPerCpuSecond, peakResidentMiB(), cycle.lastLoss));
        }
    }

    static List<int[]> shuffledBatches(int rows, int batchSize) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, rows).boxed().toList());
        Collections.shuffle(order, new Random(7));
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start + batchSize <= rows; start += batchSize) {
            batches.add(order.subList(start, start + batchSize).stream().mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }

    /** Steps through the batches round and round. */
    static final class BatchCycle {
        private final TrainingLoop loop;
        private final List<int[]> batches;
        private int next;
        private double lastLoss = Double.NaN;

        BatchCycle(TrainingLoop loop, List<int[]> batches) {
            this.loop = loop;
            this.batches = batches;
        }

        /** Steps until the time is up and at least {@code minSteps} were taken; returns the steps taken. */
        int runFor(double seconds, int minSteps) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int steps = 0;
            while (steps < minSteps || System.nanoTime() < end) {
                lastLoss = loop.step(batches.get(next));
                next = (next + 1) % batches.size();
                steps++;
            }
            return steps;
        }
    }

    /** The most memory this process has held in RAM (VmHWM), in MiB; Linux only. */
    private static double peakResidentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
