package io.neuralworkbench.engine.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.util.AtomicFiles;
import io.neuralworkbench.engine.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What a run needs to continue after the process died: the model with its optimizer state and the session's
 * bookkeeping, in ONE zip written atomically, so a kill at any moment leaves either the old or the new
 * checkpoint, never a mix. The best epoch's model (for early stopping) sits beside it in its own file.
 */
public record Checkpoint(int formatVersion, String backendId, NetworkDescription network, TrainingConfig config,
                         int epochsCompleted, long iterations, List<EpochEvent> history, int bestEpoch,
                         double bestValue) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "checkpoint.zip";
    public static final String BEST_MODEL_FILE_NAME = "best-model.zip";
    private static final String STATE_ENTRY = "state.json";
    private static final String MODEL_ENTRY = "model.zip";
    private static final ObjectMapper JSON = Json.mapper();

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** Writes {@code directory/checkpoint.zip} atomically from this state and the model's current weights. */
    void write(Path directory, TrainableModel model) throws IOException {
        AtomicFiles.write(directory.resolve(FILE_NAME), out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(STATE_ENTRY));
                zip.write(JSON.writeValueAsBytes(this));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MODEL_ENTRY));
                model.saveTo(zip);
                zip.closeEntry();
            }
        });
    }

    /** Saves the best model so far beside the checkpoint (atomically). */
    static void writeBestModel(Path directory, TrainableModel model) throws IOException {
        AtomicFiles.write(directory.resolve(BEST_MODEL_FILE_NAME), model::saveTo);
    }

    /** Reads the state of {@code directory/checkpoint.zip}. */
    public static Checkpoint read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("No checkpoint in " + directory + " (expected " + FILE_NAME
                    + "); start a new run instead.");
        }
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = entry(zip, STATE_ENTRY, file)) {
            Checkpoint checkpoint = JSON.readValue(in, Checkpoint.class);
            if (checkpoint.formatVersion() > FORMAT_VERSION) {
                throw new UserInputException(file + " was written by a newer version of Neural Workbench.");
            }
            return checkpoint;
        } catch (IOException e) {
            throw new UserInputException("The checkpoint " + file + " is damaged (" + e.getMessage()
                    + "); start a new run instead.", e);
        }
    }

    /** Loads the checkpoint's model, optimizer state included where the backend's files hold it. */
    static TrainableModel loadModel(Path directory, TrainingBackend backend, NetworkDescription network)
            throws IOException {
        Path file = directory.resolve(FILE_NAME);
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = entry(zip, MODEL_ENTRY, file)) {
            return backend.load(in, network);
        }
    }

    private static InputStream entry(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(file + " has no " + name);
        }
        return zip.getInputStream(entry);
    }
}
