package io.neuralworkbench.engine.training.pytorch;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDManager;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.util.Json;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains with PyTorch (through DJL) on CPU, and writes its models as DL4J ComputationGraph zips: bundles and
 * checkpoints stay plain DL4J, readable without PyTorch. Needs PyTorch's native library on the class path
 * ({@code ai.djl.pytorch:pytorch-native-cpu}); it never downloads one.
 */
public final class PyTorchBackend implements TrainingBackend {
    public static final String ID = "pytorch";
    static final String ENGINE = "PyTorch";
    /** The extra zip entry holding the training settings, so that {@link #load} can continue training. */
    private static final String CONFIG_ENTRY = "neuralworkbench-training-config.json";
    /** The extra zip entry holding the optimizer's state (moments, step count), so that training resumes exactly. */
    private static final String OPTIMIZER_STATE_ENTRY = "neuralworkbench-pytorch-optimizer-state";
    private static final Logger LOG = LoggerFactory.getLogger(PyTorchBackend.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String modelFileBackendId() {
        return Dl4jGraphBackend.ID;
    }

    /**
     * Why this backend cannot train {@code network} (its first layer that PyTorch lacks), or null when it can
     * train every layer. Looks at the description only, without loading PyTorch.
     */
    public static String whyItCannotTrain(NetworkDescription network) {
        return network.nodes().stream().map(node -> PyTorchGraph.whyItCannotTrain(node.name(), node.layer()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Whether PyTorch's native library loads here; the first call loads it, which takes seconds. */
    public boolean isAvailable() {
        return EngineHolder.AVAILABLE;
    }

    /** Loads the engine once, offline: DJL would otherwise try to download a native library it cannot find. */
    private static final class EngineHolder {
        static final boolean AVAILABLE = load();

        private static boolean load() {
            System.setProperty("ai.djl.offline", "true");
            try {
                Engine.getEngine(ENGINE);
                return true;
            } catch (RuntimeException | LinkageError e) {
                LOG.info("The PyTorch backend is not available: {}", e.toString());
                return false;
            }
        }
    }

    private static NDManager newManager() {
        if (!EngineHolder.AVAILABLE) {
            throw new IllegalStateException("PyTorch's native library is not available; check isAvailable() first.");
        }
        return Engine.getEngine(ENGINE).newBaseManager();
    }

    @Override
    public void useThreads(int threads) {
        if (!isAvailable()) {
            throw new IllegalStateException("PyTorch's native library is not available; check isAvailable() first.");
        }
        JniUtils.setNumThreads(threads);
    }

    @Override
    public PyTorchModel compile(NetworkDescription network, TrainingConfig config) {
        NDManager manager = newManager();
        try {
            Engine.getEngine(ENGINE).setRandomSeed((int) config.seed());
            PyTorchGraph graph = PyTorchGraph.compile(manager, network, config);
            return new PyTorchModel(manager, graph, network, config);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Reads a DL4J ComputationGraph zip of {@code network} (as written by {@link TrainableModel#save}) into a
     * new PyTorch model, with the optimizer state the file holds. A zip written by the DL4J backend carries no
     * training settings and no PyTorch optimizer state; the model then gets the defaults and a fresh optimizer.
     */
    @Override
    public PyTorchModel load(Path file, NetworkDescription network) throws IOException {
        List<String> extraEntries = ModelSerializer.listObjectsInFile(file.toFile());
        TrainingConfig config = extraEntries.contains(CONFIG_ENTRY)
                ? Json.mapper().readValue((String) ModelSerializer.getObjectFromFile(file.toFile(), CONFIG_ENTRY),
                TrainingConfig.class)
                : TrainingConfig.defaults();
        ComputationGraph weights = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        try {
            PyTorchModel model = compile(network, config);
            try {
                Dl4jTransfer.fromDl4j(weights, model.graph());
                if (extraEntries.contains(OPTIMIZER_STATE_ENTRY)) {
                    model.restoreOptimizerState(ModelSerializer.getObjectFromFile(file.toFile(), OPTIMIZER_STATE_ENTRY));
                }
                return model;
            } catch (IOException | RuntimeException e) {
                model.close();
                throw e;
            }
        } finally {
            weights.close();
        }
    }

    static void write(PyTorchModel model, Path file) throws IOException {
        try (TrainableModel dl4j = model.toDl4j()) {
            dl4j.save(file);
        }
        ModelSerializer.addObjectToFile(file.toFile(), CONFIG_ENTRY, Json.mapper().writeValueAsString(model.config()));
        ModelSerializer.addObjectToFile(file.toFile(), OPTIMIZER_STATE_ENTRY, model.optimizerState());
    }
}
