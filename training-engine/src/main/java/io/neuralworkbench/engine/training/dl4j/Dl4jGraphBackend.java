package io.neuralworkbench.engine.training.dl4j;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

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
    public TrainableModel compile(NetworkDescription network, TrainingConfig config) {
        var inference = ShapeInference.infer(network);
        if (!inference.diagnostics().stream().allMatch(d -> d.severity() != io.neuralworkbench.engine.network.Diagnostic.Severity.ERROR)) {
            throw new UserInputException("The network is not valid: " + inference.diagnostics().get(0).message());
        }
        ComputationGraph graph = new ComputationGraph(
                Dl4jGraphCompiler.configuration(network, inference.outputShapes(), config));
        graph.init();
        return new Dl4jGraphModel(graph, network);
    }

    @Override
    public TrainableModel load(Path file, NetworkDescription network) throws IOException {
        return new Dl4jGraphModel(ModelSerializer.restoreComputationGraph(file.toFile(), true), network);
    }
}
