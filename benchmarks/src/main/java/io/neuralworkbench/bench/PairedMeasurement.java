package io.neuralworkbench.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link PairedChild} measured: samples per second of each block, by the clock and by the process's CPU
 * time, for our PyTorch backend and for PyTorch directly; block i of each list ran next to block i of the other.
 */
record PairedMeasurement(String model, String threads, List<Double> oursSamplesPerSecond,
                         List<Double> directSamplesPerSecond, List<Double> oursSamplesPerCpuSecond,
                         List<Double> directSamplesPerCpuSecond) {

    /** The median over blocks of ours / direct, each block against its neighbour. */
    static double pairedRatio(List<Double> ours, List<Double> direct) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(ours.size(), direct.size()); i++) {
            ratios.add(ours.get(i) / direct.get(i));
        }
        return Report.median(ratios);
    }
}
