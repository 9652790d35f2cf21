package io.neuralworkbench.bench;

/** The two engines compared. */
enum Engine {
    OURS("ours", "ours"),
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
        return this == OURS ? new EngineTrainingLoop(model, data) : new PyTorchTrainingLoop(model, data);
    }
}
