package io.neuralworkbench.charts;

import io.neuralworkbench.engine.training.LayerParameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a set of values (one layer's weights or activations at one epoch) is spread: counts in equal bins from the
 * smallest to the largest value. NaN and infinite values are left out.
 */
public record ValueHistogram(double min, double max, int[] counts) {
    /** Bins per histogram in the histogram views. */
    public static final int DEFAULT_BINS = 40;

    public ValueHistogram {
        if (counts.length == 0 || !(min < max)) {
            throw new IllegalArgumentException("a histogram needs bins and min < max, was " + counts.length
                    + " bins over [" + min + ", " + max + "]");
        }
        counts = counts.clone();
    }

    /** The values in {@code bins} equal bins; all-equal values get a bin of width 1 around them. */
    public static ValueHistogram of(float[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float value : values) {
            if (Float.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min > max) { // no finite value
            min = 0;
            max = 1;
        } else if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        int[] counts = new int[bins];
        double scale = bins / (max - min);
        for (float value : values) {
            if (Float.isFinite(value)) {
                counts[Math.min(bins - 1, (int) ((value - min) * scale))]++;
            }
        }
        return new ValueHistogram(min, max, counts);
    }

    /**
     * Each layer's weights (its {@code W} arrays: dense weights, convolution kernels), by layer in network order.
     * Biases are left out: they are few and start at zero, so they would squeeze the weights into a few bins.
     */
    public static Map<String, ValueHistogram> ofWeights(List<LayerParameters> parameters, int bins) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (LayerParameters p : parameters) {
            if (LayerParameters.WEIGHTS.equals(p.name())) {
                weights.merge(p.layer(), p.values(), ValueHistogram::concat);
            }
        }
        return ofEach(weights, bins);
    }

    /** One histogram per entry, in the map's order. */
    public static Map<String, ValueHistogram> ofEach(Map<String, float[]> valuesByName, int bins) {
        Map<String, ValueHistogram> histograms = new LinkedHashMap<>();
        valuesByName.forEach((name, values) -> histograms.put(name, of(values, bins)));
        return histograms;
    }

    public int bins() {
        return counts.length;
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    int count(int bin) {
        return counts[bin];
    }

    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    int largestCount() {
        int largest = 0;
        for (int count : counts) {
            largest = Math.max(largest, count);
        }
        return largest;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
