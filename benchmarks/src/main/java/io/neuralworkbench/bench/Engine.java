package io.neuralworkbench.bench;

import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;

/** The engines compared: our engine with each of its backends, and PyTorch driven directly through DJL. */
enum Engine {
    OURS("ours", "ours (DL4J)"),
    OURS_PYTORCH("ours-pytorch", "ours (PyTorch backend)"),
    PYTORCH("pytorch", "PyTorch");

    private final String id;
    private final String label;

    Engine(String id, String label) {
        this.id = id;
        this.label = label;
    }

    static Engine byId(String id) {
        for (Engine engine : values()) {
            if (engine.id.equals(id)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("Unknown engine '" + id + "'");
    }

    String id() {
        return id;
    }

    String label() {
        return label;
    }

    TrainingLoop open(BenchModel model, SyntheticData data) {
        return switch (this) {
            case OURS -> new EngineTrainingLoop(new Dl4jGraphBackend(), model, data, EngineTrainingLoop::nd4jThreads);
            case OURS_PYTORCH -> new EngineTrainingLoop(new PyTorchBackend(), model, data,
                    PyTorchTrainingLoop::pyTorchThreads);
            case PYTORCH -> new PyTorchTrainingLoop(model, data);
        };
    }
}
