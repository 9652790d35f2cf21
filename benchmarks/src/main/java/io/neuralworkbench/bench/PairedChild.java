package io.neuralworkbench.bench;

import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process: our engine's PyTorch backend and PyTorch driven directly, in one JVM, taking turns in short
 * blocks of steps. Both run on the same PyTorch library and thread pool, so nothing fights; and each pair of
 * blocks runs seconds apart, so the machine's other work weighs on both alike. On a shared machine this is the
 * steadiest comparison of the two. Arguments: model warmupSeconds blocks blockSeconds.
 */
public final class PairedChild {
    private PairedChild() {
    }

    public static void main(String[] args) {
        BenchModel model = BenchModel.byId(args[0]);
        double warmupSeconds = Double.parseDouble(args[1]);
        int blocks = Integer.parseInt(args[2]);
        double blockSeconds = Double.parseDouble(args[3]);

        SyntheticData data = SyntheticData.generate(model, model.batchSize() * TrainingChild.BATCHES_IN_DATA, 42);
        List<int[]> batches = TrainingChild.shuffledBatches(data.size(), model.batchSize());
        try (TrainingLoop ours = Engine.OURS_PYTORCH.open(model, data);
             TrainingLoop direct = Engine.PYTORCH.open(model, data)) {
            TrainingChild.BatchCycle oursCycle = new TrainingChild.BatchCycle(ours, batches);
            TrainingChild.BatchCycle directCycle = new TrainingChild.BatchCycle(direct, batches);
            oursCycle.runFor(warmupSeconds / 2, TrainingChild.MIN_WARMUP_STEPS);
            directCycle.runFor(warmupSeconds / 2, TrainingChild.MIN_WARMUP_STEPS);
            List<Double> oursWall = new ArrayList<>();
            List<Double> directWall = new ArrayList<>();
            List<Double> oursCpu = new ArrayList<>();
            List<Double> directCpu = new ArrayList<>();
            for (int block = 0; block < blocks; block++) {
                // Alternate which runs first, so neither always follows the other's cache state.
                boolean oursFirst = block % 2 == 0;
                for (boolean oursTurn : new boolean[] {oursFirst, !oursFirst}) {
                    long start = System.nanoTime();
                    long cpuStart = processCpuNanos();
                    int steps = (oursTurn ? oursCycle : directCycle).runFor(blockSeconds, 1);
                    double samples = steps * (double) model.batchSize();
                    (oursTurn ? oursWall : directWall).add(samples / ((System.nanoTime() - start) / 1e9));
                    (oursTurn ? oursCpu : directCpu).add(samples / ((processCpuNanos() - cpuStart) / 1e9));
                }
            }
            ResultLine.print(new PairedMeasurement(model.id(), ours.threads(), oursWall, directWall, oursCpu,
                    directCpu));
        }
    }

    /** CPU time of every thread of this process, native ones included (JIT and GC too, little after warm-up). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
