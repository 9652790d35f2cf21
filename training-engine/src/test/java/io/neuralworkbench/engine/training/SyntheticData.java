package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;

import java.util.List;
import java.util.Random;

/** Small generated problems for session mechanics tests; real-data accuracy is tested elsewhere. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** Three Gaussian blobs in 4 dimensions, one per class, one-hot targets. */
    public static ArrayDataset blobs(int samples, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[samples][4];
        float[][] y = new float[samples][3];
        for (int i = 0; i < samples; i++) {
            int label = i % 3;
            for (int f = 0; f < 4; f++) {
                x[i][f] = (float) (random.nextGaussian() * 0.7 + (f == label ? 2.0 : 0.0));
            }
            y[i][label] = 1f;
        }
        return new ArrayDataset(x, y, List.of("a", "b", "c"));
    }

    public static NetworkDescription smallClassifier() {
        return NetworkDescription.builder("small")
                .then("input", Layer.Input.flat(4))
                .then("hidden", Layer.Dense.of(16, Activation.TANH))
                .then("output", Layer.Output.classification(3))
                .build();
    }

    /** y = 3·x0 − 2·x1 + x2 + noise, on inputs of scale 10 so a large step size blows up. */
    static ArrayDataset linearRegression(int samples, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[samples][4];
        float[][] y = new float[samples][1];
        for (int i = 0; i < samples; i++) {
            for (int f = 0; f < 4; f++) {
                x[i][f] = (float) (random.nextGaussian() * 10);
            }
            y[i][0] = (float) (3 * x[i][0] - 2 * x[i][1] + x[i][2] + random.nextGaussian());
        }
        return new ArrayDataset(x, y, List.of());
    }

    static NetworkDescription linearRegressor() {
        return NetworkDescription.builder("linear")
                .then("input", Layer.Input.flat(4))
                .then("hidden", Layer.Dense.of(8, Activation.IDENTITY))
                .then("output", Layer.Output.regression(1))
                .build();
    }
}
