package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The column, network and training options shared by the commands that train ({@code train}, {@code crossvalidate}),
 * as a picocli mixin: one set of names and defaults, so a configuration moves between the commands as is.
 */
final class TrainingOptions {
    @Option(names = "--drop", paramLabel = "COLUMN", split = ",",
            description = "Columns to leave out, e.g. identifiers or columns that give the answer away.")
    List<String> dropped = List.of();

    @Option(names = "--type", paramLabel = "COLUMN=TYPE", split = ",",
            description = "Override an inferred column type: NUMERIC, CATEGORICAL, BOOLEAN or TEXT, e.g. --type pclass=CATEGORICAL.")
    Map<String, ColumnType> typeOverrides = Map.of();

    @Option(names = "--network", paramLabel = "NET.json", description = "A network description to train instead of the "
            + "MLP template; its input and output are resized to the data.")
    Path network;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Samples per update (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "ADAM",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OptimizerType optimizer;

    @Option(names = "--l2", paramLabel = "X", defaultValue = "0", description = "L2 weight penalty (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed for the split, initial weights and "
            + "batch order: the same seed gives the same result (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "auto",
            description = "What trains the network: dl4j (the reference), pytorch (faster; the bundle is still a DL4J "
                    + "model), or auto (the faster one that can train the network). Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--threads", paramLabel = "N",
            description = "Compute threads for training (default: the backend's own choice, usually one per core). "
                    + "On 2 cores, 1 makes DL4J's dense networks ~1.8x faster.")
    Integer threads;

    /** The settings, without early stopping. */
    TrainingConfig config() {
        return TrainingConfig.defaults().withEpochs(epochs).withBatchSize(batchSize).withLearningRate(learningRate)
                .withOptimizer(Optimizer.of(optimizer)).withL2(l2).withSeed(seed);
    }

    /** What to predict and which columns to use and how; {@code --seed} also deals the rows. */
    PreprocessingSpec spec(String targetColumn) {
        PreprocessingSpec spec = PreprocessingSpec.forTarget(targetColumn).withDroppedColumns(dropped)
                .withSplit(SplitFractions.DEFAULT, seed);
        for (Map.Entry<String, ColumnType> override : typeOverrides.entrySet()) {
            spec = spec.withColumnType(override.getKey(), override.getValue());
        }
        return spec;
    }

    /** The network of {@code --network}, or null for the template that suits the data. */
    NetworkDescription networkOrTemplate() throws IOException {
        return network == null ? null : NetworkJson.fromFile(network);
    }

    /** The chosen backend, with {@code --threads} applied. */
    TrainingBackend trainingBackend() {
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, but is " + threads + ".");
        }
        TrainingBackend chosen = TrainingBackends.forChoice(backend);
        if (threads != null) {
            chosen.useThreads(threads);
        }
        return chosen;
    }
}
