package io.neuralworkbench.app.gui.evaluate;

/**
 * An image sample as the network saw it, for a thumbnail: its feature row (channel after channel, each row after
 * row) stretched to [0, 1], so standardized pixels show as well as unit-range ones.
 *
 * @param levels height × width × channels values in [0, 1]
 */
public record SampleImage(int height, int width, int channels, float[] levels) {

    /** The feature row of an image input, rescaled from its own minimum and maximum to [0, 1]. */
    public static SampleImage fromFeatures(float[] features, int height, int width, int channels) {
        if (features.length != height * width * channels) {
            throw new IllegalArgumentException(features.length + " features are not a " + height + "×" + width + "×"
                    + channels + " image");
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : features) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        float range = max > min ? max - min : 1;
        float[] levels = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            levels[i] = (features[i] - min) / range;
        }
        return new SampleImage(height, width, channels, levels);
    }

    /** The level of pixel (x, y) in {@code channel}. */
    public float level(int channel, int y, int x) {
        return levels[(channel * height + y) * width + x];
    }
}
