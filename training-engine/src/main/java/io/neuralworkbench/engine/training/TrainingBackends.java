package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;

import java.util.ArrayList;
import java.util.List;

/** The backends this build can train with, looked up by the id stored in bundles and checkpoints. */
public final class TrainingBackends {
    private static final TrainingBackend DEFAULT = new Dl4jGraphBackend();
    private static final TrainingBackend AUTO = new AutoBackend();

    private TrainingBackends() {
    }

    /** Finding out whether PyTorch is there loads its native library (seconds), so only when first needed. */
    private static final class Available {
        static final List<TrainingBackend> ALL = find();

        private static List<TrainingBackend> find() {
            List<TrainingBackend> backends = new ArrayList<>(List.of(DEFAULT));
            PyTorchBackend pyTorch = new PyTorchBackend();
            if (pyTorch.isAvailable()) {
                backends.add(pyTorch);
            }
            return List.copyOf(backends);
        }
    }

    public static TrainingBackend defaultBackend() {
        return DEFAULT;
    }

    /** Every backend that works here, the default first. */
    public static List<TrainingBackend> all() {
        return Available.ALL;
    }

    /**
     * The backend a user asked for by name: {@code dl4j}, {@code pytorch}, or {@code auto}, which stands for the
     * faster backend that can train the network (see {@link #resolve}; PyTorch when it is installed and has
     * every layer, DL4J otherwise).
     */
    public static TrainingBackend forChoice(String choice) {
        String name = choice.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "dl4j", "dl4j-graph" -> DEFAULT;
            case "pytorch" -> all().stream().filter(b -> b.id().equals(PyTorchBackend.ID)).findFirst()
                    .orElseThrow(() -> new UserInputException("PyTorch is not available here: its native library"
                            + " (pytorch-native-cpu) is missing or does not load on this machine; use --backend dl4j."));
            case AutoBackend.ID -> AUTO;
            default -> throw new UserInputException("Unknown backend \"" + choice + "\"; choose dl4j, pytorch or auto.");
        };
    }

    /** The faster backend that can train {@code network}, and why, in one line. */
    public static BackendChoice auto(NetworkDescription network) {
        return AutoBackend.choose(network);
    }

    /** The backend that will train {@code network}: {@code requested} itself, unless it is the choice {@code auto}. */
    public static BackendChoice resolve(TrainingBackend requested, NetworkDescription network) {
        return requested instanceof AutoBackend ? auto(network) : new BackendChoice(requested, null);
    }

    public static TrainingBackend byId(String id) {
        if (DEFAULT.id().equals(id)) {
            return DEFAULT;
        }
        return all().stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new UserInputException("The model was made with the \"" + id
                        + "\" backend, which this version of Neural Workbench does not have (it has: "
                        + all().stream().map(TrainingBackend::id).toList() + ")."));
    }
}
