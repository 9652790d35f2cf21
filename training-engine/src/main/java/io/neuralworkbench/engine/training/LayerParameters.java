package io.neuralworkbench.engine.training;

import java.util.Arrays;

/**
 * A copy of one parameter array of a layer, for looking inside a network (weight histograms, convolution filters).
 *
 * @param layer  the node name in the network description
 * @param name   what the array is: {@code W} (weights, convolution kernels), {@code b} (bias), or the backend's name
 * @param shape  the array's shape as the backend stores it; convolution kernels are [out, in, height, width]
 * @param values the values in row-major order of {@code shape}
 */
public record LayerParameters(String layer, String name, long[] shape, float[] values) {
    public static final String WEIGHTS = "W";

    /** Whether these are a convolution layer's kernels, [out, in, height, width]. */
    public boolean isConvolutionKernel() {
        return WEIGHTS.equals(name) && shape.length == 4;
    }

    @Override
    public String toString() {
        return layer + "/" + name + Arrays.toString(shape);
    }
}
