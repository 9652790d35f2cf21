package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;

import java.util.List;

/** The backends this build can train with, looked up by the id stored in bundles and checkpoints. */
public final class TrainingBackends {
    private static final List<TrainingBackend> ALL = List.of(new Dl4jGraphBackend());

    private TrainingBackends() {
    }

    public static TrainingBackend defaultBackend() {
        return ALL.get(0);
    }

    public static TrainingBackend byId(String id) {
        return ALL.stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new UserInputException("The model was made with the \"" + id
                        + "\" backend, which this version of Neural Workbench does not have (it has: "
                        + ALL.stream().map(TrainingBackend::id).toList() + ")."));
    }
}
