package io.neuralworkbench.bench;

import java.util.List;

/**
 * What one training child measured.
 *
 * @param samplesPerSecond    one value per timed window, after the warm-up
 * @param samplesPerCpuSecond the same windows' samples per second of this process's CPU time: the work a sample
 *                            costs, which other programs on the machine change far less than the wall-clock speed
 * @param lastLoss         the last batch loss, to show training really ran (finite, near ln(classes) on random labels)
 */
record TrainingMeasurement(String model, String engine, String threads, long parameters,
                           List<Double> samplesPerSecond, List<Double> samplesPerCpuSecond, double peakResidentMiB,
                           double lastLoss) {
}
