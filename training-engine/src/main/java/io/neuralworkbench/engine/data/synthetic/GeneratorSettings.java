package io.neuralworkbench.engine.data.synthetic;

import io.neuralworkbench.engine.UserInputException;

import java.util.Locale;

/**
 * How much of a teaching set to generate and how noisy: the same settings always give the same table.
 *
 * @param samples how many rows, {@value #MIN_SAMPLES} to {@value #MAX_SAMPLES}
 * @param noise   the standard deviation of the Gaussian jitter added to each coordinate (to y for the curve),
 *                0 (clean geometry) to {@value #MAX_NOISE}; the clean sets fit in [-1, 1] on every axis
 * @param seed    seeds the random positions and the jitter
 */
public record GeneratorSettings(int samples, double noise, long seed) {
    public static final int MIN_SAMPLES = 10;
    public static final int MAX_SAMPLES = 100_000;
    public static final double MAX_NOISE = 1.0;
    public static final int DEFAULT_SAMPLES = 500;
    /** Enough jitter to blur the boundaries a little, as on TensorFlow Playground, without hiding them. */
    public static final double DEFAULT_NOISE = 0.05;
    public static final long DEFAULT_SEED = 42;

    /** @throws UserInputException if the sample count or the noise level is out of range */
    public GeneratorSettings {
        if (samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
            throw new UserInputException(String.format(Locale.ROOT, "%,d samples is out of range — generate"
                    + " between %d and %,d samples", samples, MIN_SAMPLES, MAX_SAMPLES));
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new UserInputException("noise " + noise + " is out of range — give a noise level between 0"
                    + " (clean) and " + MAX_NOISE);
        }
    }

    public static GeneratorSettings defaults() {
        return new GeneratorSettings(DEFAULT_SAMPLES, DEFAULT_NOISE, DEFAULT_SEED);
    }
}
