package io.neuralworkbench.engine.training.dl4j;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.InferenceResult;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;

/** Trains with DL4J's layer API ({@link ComputationGraph}). */
public final class Dl4jGraphBackend implements TrainingBackend {
    public static final String ID = "dl4j-graph";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void useThreads(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    @Override
    public TrainableModel compile(NetworkDescription network, TrainingConfig config) {
        return wrap(newGraph(network, config), network);
    }

    /** A freshly initialised graph for the description; other backends copy their trained weights into one. */
    public ComputationGraph newGraph(NetworkDescription network, TrainingConfig config) {
        InferenceResult inference = ShapeInference.infer(network);
        inference.diagnostics().stream().filter(Diagnostic::isError).findFirst().ifPresent(error -> {
            throw new UserInputException("The network is not valid: " + error);
        });
        ComputationGraph graph = new ComputationGraph(
                Dl4jGraphCompiler.configuration(network, inference.outputShapes(), config));
        graph.init();
        return graph;
    }

    /** Puts a graph built by {@link #newGraph} (or read from a file) behind the engine's model interface. */
    public TrainableModel wrap(ComputationGraph graph, NetworkDescription network) {
        return new Dl4jGraphModel(graph, network);
    }

    @Override
    public TrainableModel load(Path file, NetworkDescription network) throws IOException {
        return new Dl4jGraphModel(ModelSerializer.restoreComputationGraph(file.toFile(), true), network);
    }
}
