package io.neuralworkbench.charts;

import io.neuralworkbench.engine.training.LayerParameters;

import java.util.List;

/**
 * A convolution layer's kernels as small images: one per output channel, each scaled to 0–1 on its own (so a
 * filter's pattern shows whatever its size). With three input channels a filter is a colour image (red, green,
 * blue); otherwise the input channels are averaged into a grey image.
 *
 * @param layer  the layer's node name
 * @param pixels one row per filter: {@code height × width} grey levels, or {@code height × width × 3} RGB values
 *               (pixel by pixel) when {@code rgb}
 */
public record ConvolutionFilters(String layer, int height, int width, boolean rgb, float[][] pixels) {

    public int count() {
        return pixels.length;
    }

    /** The first convolution kernels among a model's parameters, or null when the model has none. */
    public static ConvolutionFilters firstOf(List<LayerParameters> parameters) {
        return parameters.stream().filter(LayerParameters::isConvolutionKernel).findFirst()
                .map(ConvolutionFilters::of).orElse(null);
    }

    /** @param kernels a convolution layer's weights, shaped [out, in, height, width] */
    public static ConvolutionFilters of(LayerParameters kernels) {
        long[] shape = kernels.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException(kernels + " are not convolution kernels [out, in, height, width]");
        }
        int out = (int) shape[0];
        int in = (int) shape[1];
        int height = (int) shape[2];
        int width = (int) shape[3];
        float[] values = kernels.values();
        boolean rgb = in == 3;
        int area = height * width;
        float[][] pixels = new float[out][];
        for (int filter = 0; filter < out; filter++) {
            int base = filter * in * area;
            float[] image = new float[rgb ? area * 3 : area];
            for (int pixel = 0; pixel < area; pixel++) {
                if (rgb) {
                    for (int channel = 0; channel < 3; channel++) {
                        image[pixel * 3 + channel] = values[base + channel * area + pixel];
                    }
                } else {
                    float sum = 0;
                    for (int channel = 0; channel < in; channel++) {
                        sum += values[base + channel * area + pixel];
                    }
                    image[pixel] = sum / in;
                }
            }
            pixels[filter] = scaleToUnit(image);
        }
        return new ConvolutionFilters(kernels.layer(), height, width, rgb, pixels);
    }

    /** Maps the smallest value to 0 and the largest to 1; a constant filter becomes mid-grey. */
    private static float[] scaleToUnit(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        float range = max - min;
        for (int i = 0; i < values.length; i++) {
            values[i] = range > 0 ? (values[i] - min) / range : 0.5f;
        }
        return values;
    }
}
