package io.neuralworkbench.engine.training;

import java.util.List;
import java.util.Map;

/**
 * A read-only look at the model being trained, handed to a {@link ModelObserver} on the training thread between
 * two batches. Valid only during that call: the model is not thread-safe and changes with the next batch.
 */
public interface ModelProbe {
    /** Outputs for raw feature rows, in inference mode. */
    float[][] predict(float[][] features);

    /** Copies of every layer's parameter arrays, in network order; empty when the backend cannot list them. */
    List<LayerParameters> parameters();

    /**
     * Each layer's output for these rows (inference mode), flattened, by node name in network order; empty when
     * the backend cannot tell.
     */
    Map<String, float[]> activations(float[][] features);
}
