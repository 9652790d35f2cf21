package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A network compiled for one backend, with its optimizer state. The training session drives it batch by
 * batch through this interface only, so a faster backend can replace another without touching the session.
 * Not thread-safe: one session thread uses it at a time.
 */
public interface TrainableModel extends AutoCloseable {

    /** Copies a dataset into the backend's layout once; batches are then cut by row index. */
    BackendData upload(ArrayDataset data);

    /** One optimisation step on the given rows; returns the batch loss (including regularisation). */
    double fitBatch(BackendData data, int[] rows);

    /** The network's outputs for every row, in inference mode (no dropout). */
    float[][] predict(BackendData data);

    /** Outputs for raw feature rows, in inference mode. */
    float[][] predict(float[][] features);

    /** Mean loss over all rows, in inference mode. */
    double meanLoss(BackendData data);

    void setLearningRate(double learningRate);

    /**
     * Whether {@link #fitBatch} should keep what {@link #lastUpdateNorm} reports, for backends where that costs
     * something (a copy of the weights per step). Off until set.
     */
    default void setMeasureUpdates(boolean measure) {
    }

    /**
     * The global L2 norm of the parameter update the last {@link #fitBatch} applied, or NaN when the backend
     * cannot tell (or was not asked to, see {@link #setMeasureUpdates}). Asked only when the session measures
     * updates.
     */
    default double lastUpdateNorm() {
        return Double.NaN;
    }

    /** The global L2 norm of all parameters, or NaN when the backend cannot tell cheaply. */
    default double parameterNorm() {
        return Double.NaN;
    }

    /**
     * Re-seeds the random stream training draws from (dropout). The session seeds each epoch from (seed, epoch),
     * so a run resumed from a checkpoint draws what the uninterrupted run would have.
     */
    void seedRandom(long seed);

    ParameterSnapshot snapshot();

    void restore(ParameterSnapshot snapshot);

    /** Writes the model so training can continue from the file, with its optimizer state if the backend keeps it. */
    void save(Path file) throws IOException;

    /**
     * Writes what {@link #save} writes into a stream (a zip entry of a checkpoint or bundle). The stream is
     * left open.
     */
    default void saveTo(OutputStream out) throws IOException {
        Path file = Files.createTempFile("nw-model", ".zip");
        try {
            save(file);
            Files.copy(file, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    long parameterCount();

    /** Copies of every layer's parameter arrays, in network order; empty when the backend cannot list them. */
    default List<LayerParameters> layerParameters() {
        return List.of();
    }

    /** Each layer's flattened output for these rows, by node name in network order; empty when not supported. */
    default Map<String, float[]> layerActivations(float[][] features) {
        return Map.of();
    }

    @Override
    void close();
}
