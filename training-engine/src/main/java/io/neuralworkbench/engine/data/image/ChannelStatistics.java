package io.neuralworkbench.engine.data.image;

/** Mean and standard deviation of each channel over many feature rows, for standardization. */
final class ChannelStatistics {
    /** A constant channel (all black) keeps its values rather than being divided by zero. */
    private static final double SMALLEST_STD = 1e-6;

    private final int channels;
    private final double[] sums;
    private final double[] squares;
    private long valuesPerChannel;

    ChannelStatistics(int channels) {
        this.channels = channels;
        this.sums = new double[channels];
        this.squares = new double[channels];
    }

    void add(float[] row) {
        int plane = row.length / channels;
        for (int c = 0; c < channels; c++) {
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                sums[c] += row[i];
                squares[c] += (double) row[i] * row[i];
            }
        }
        valuesPerChannel += plane;
    }

    ImagePreprocessing fit(ImagePreprocessing unitRange) {
        double[] means = new double[channels];
        double[] stds = new double[channels];
        for (int c = 0; c < channels; c++) {
            means[c] = sums[c] / valuesPerChannel;
            double variance = Math.max(0, squares[c] / valuesPerChannel - means[c] * means[c]);
            stds[c] = Math.max(Math.sqrt(variance), SMALLEST_STD);
        }
        return unitRange.standardized(means, stds);
    }
}
