package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.network.NetworkDescription;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;

/** Turns a network description into something trainable: DL4J (the default) or PyTorch. */
public interface TrainingBackend {

    /** A short id stored in bundles and checkpoints, e.g. "dl4j-graph". */
    String id();

    /** Builds a freshly initialised model; the description must be valid (see {@code NetworkValidator}). */
    TrainableModel compile(NetworkDescription network, TrainingConfig config);

    /**
     * The backend that reads the model files this one writes. Bundles record it, so that a model trained with
     * an optional backend still opens where only the default one is installed.
     */
    default String modelFileBackendId() {
        return id();
    }

    /**
     * Limits the backend's compute threads for this process (native thread pools are process-wide). On 2 cores,
     * DL4J's MLP trains ~1.8× faster with 1 thread than with its default of 2 (OpenMP and OpenBLAS threads
     * spin-waiting on each other), while convolutions gain little either way: see benchmarks/README.md.
     */
    void useThreads(int threads);

    /** Loads a model written by {@link TrainableModel#save}, with its optimizer state if the file holds it. */
    TrainableModel load(Path file, NetworkDescription network) throws IOException;

    /** Loads a model written by {@link TrainableModel#saveTo} from a stream (a zip entry); does not close it. */
    default TrainableModel load(InputStream in, NetworkDescription network) throws IOException {
        Path file = Files.createTempFile("nw-model", ".zip");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return load(file, network);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
