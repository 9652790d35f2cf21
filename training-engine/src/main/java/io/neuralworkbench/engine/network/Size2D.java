package io.neuralworkbench.engine.network;

/** A height × width pair: kernel sizes and strides. */
public record Size2D(int height, int width) {
    public static Size2D square(int n) {
        return new Size2D(n, n);
    }

    @Override
    public String toString() {
        return height + "×" + width;
    }
}
