package io.neuralworkbench.bench;

import java.util.List;

/**
 * What one training child measured.
 *
 * @param samplesPerSecond one value per timed window, after the warm-up
 * @param lastLoss         the last batch loss, to show training really ran (finite, near ln(classes) on random labels)
 */
record TrainingMeasurement(String model, String engine, String threads, long parameters,
                           List<Double> samplesPerSecond, double peakResidentMiB, double lastLoss) {
}
