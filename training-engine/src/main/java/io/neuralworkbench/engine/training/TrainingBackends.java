package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;

import java.util.ArrayList;
import java.util.List;

/** The backends this build can train with, looked up by the id stored in bundles and checkpoints. */
public final class TrainingBackends {
    private static final TrainingBackend DEFAULT = new Dl4jGraphBackend();

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
