package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The backend choice {@code auto}: for each network, the faster backend that can train it (see
 * {@link #choose}). Workflows and sessions resolve it to the chosen backend before training, so bundles and
 * checkpoints record the backend that really trained.
 */
final class AutoBackend implements TrainingBackend {
    static final String ID = "auto";

    @Override
    public String id() {
        return ID;
    }

    /**
     * PyTorch when it is installed and has every layer of the network, since it trained every benchmarked kind
     * of network faster than DL4J (benchmarks/README.md, 1 thread, the speed-up quoted in the reason); DL4J
     * otherwise.
     */
    static BackendChoice choose(NetworkDescription network) {
        String missingLayer = PyTorchBackend.whyItCannotTrain(network);
        if (missingLayer != null) {
            return new BackendChoice(TrainingBackends.defaultBackend(),
                    "Backend auto chose dl4j: PyTorch cannot train this network (" + missingLayer + ").");
        }
        return TrainingBackends.all().stream().filter(b -> b.id().equals(PyTorchBackend.ID)).findFirst()
                .map(pyTorch -> new BackendChoice(pyTorch, "Backend auto chose pytorch: it trains every layer of "
                        + "this network, and trained " + benchmarkedSpeedUp(network) + " DL4J (benchmarks/README.md)."))
                .orElseGet(() -> new BackendChoice(TrainingBackends.defaultBackend(),
                        "Backend auto chose dl4j: PyTorch's native library is not installed or does not load here."));
    }

    /** The benchmark network closest to {@code network}, by its most expensive kind of layer. */
    private static String benchmarkedSpeedUp(NetworkDescription network) {
        if (has(network, layer -> layer instanceof Layer.Lstm)) {
            return "the benchmark LSTM about 15x as fast as";
        } else if (has(network, layer -> layer instanceof Layer.Convolution2D)) {
            return "the benchmark LeNet about 4x as fast as";
        } else if (has(network, layer -> layer instanceof Layer.Embedding)) {
            return "the benchmark text classifier about 3x as fast as";
        }
        return "the benchmark MLP about 1.3x as fast as";
    }

    private static boolean has(NetworkDescription network, Predicate<Layer> kind) {
        return network.nodes().stream().anyMatch(node -> kind.test(node.layer()));
    }

    @Override
    public TrainableModel compile(NetworkDescription network, TrainingConfig config) {
        return choose(network).backend().compile(network, config);
    }

    /** Native thread pools are process-wide, and the backend is only chosen per network: limit every one. */
    @Override
    public void useThreads(int threads) {
        TrainingBackends.all().forEach(backend -> backend.useThreads(threads));
    }

    @Override
    public TrainableModel load(Path file, NetworkDescription network) throws IOException {
        return choose(network).backend().load(file, network);
    }
}
