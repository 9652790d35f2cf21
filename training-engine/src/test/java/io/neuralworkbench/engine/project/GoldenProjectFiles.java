package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.data.MissingValueRule;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.Scaling;
import io.neuralworkbench.engine.eval.ClassificationMetrics;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.LearningRateSchedule;
import io.neuralworkbench.engine.training.TrainingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the golden project file of the current format version. Run it by hand (from the IDE, in the project
 * root or the training-engine folder) only when a new format version is introduced, then review and commit the
 * file: the tests compare against it and never write it.
 */
public final class GoldenProjectFiles {
    static final String RESOURCE_DIRECTORY = "/golden/project/v" + Project.FORMAT_VERSION + "/";
    static final String IRIS_FILE_NAME = "iris.nwproj";
    /** Added with node positions (layout version 1); project format 1 files without them stay as they were. */
    static final String IRIS_WITH_LAYOUT_FILE_NAME = "iris-with-layout.nwproj";

    private GoldenProjectFiles() {
    }

    /**
     * An iris project in {@code folder} that uses every part of the format: non-default preprocessing, a
     * network, changed training settings and a finished run with history (including NaN accuracies), metrics
     * and a bundle.
     */
    static Project iris(Path folder) {
        List<String> species = List.of("setosa", "versicolor", "virginica");
        EvaluationReport testMetrics = new EvaluationReport(6, ClassificationMetrics.compute(
                new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 1, 2, 2, 2}, species), null);
        Run run = new Run("run-1", Instant.parse("2026-11-22T10:15:30Z"), "COMPLETED", List.of(
                new EpochEvent(0, 2, 1.05, 0.6, 0.98, Double.NaN, 0.01, 1200.0, 0.5, 0.5),
                new EpochEvent(1, 2, 0.71, 0.8, 0.69, 0.75, 0.005, 1250.0, 1.0, 0.0)),
                testMetrics, folder.resolve("models/iris-run-1.zip"), "Completed 2 epochs.");
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species")
                .withScaling(Scaling.MIN_MAX)
                .withMissingValues("petal_width", MissingValueRule.MEDIAN);
        TrainingConfig training = TrainingConfig.defaults().withEpochs(2).withLearningRate(0.01)
                .withSchedule(LearningRateSchedule.step(1, 0.5));
        return Project.newFor(folder.resolve("iris.csv"), "species")
                .withSpec(spec)
                .withNetwork(Templates.mlpClassifier(4, 3))
                .withTraining(training)
                .withRun(run);
    }

    /** {@link #iris} with its network arranged in the designer: a position for every node. */
    static Project irisWithLayout(Path folder) {
        Project iris = iris(folder);
        Map<String, NodePosition> layout = new LinkedHashMap<>();
        double y = 40;
        for (var node : iris.network().nodes()) {
            layout.put(node.name(), new NodePosition(60, y));
            y += 120.5;
        }
        return iris.withLayout(layout);
    }

    public static void main(String[] args) throws IOException {
        Path module = Files.isDirectory(Path.of("training-engine")) ? Path.of("training-engine") : Path.of("");
        Path directory = module.resolve("src/test/resources" + RESOURCE_DIRECTORY);
        ProjectFiles.write(iris(directory), directory.resolve(IRIS_FILE_NAME));
        ProjectFiles.write(irisWithLayout(directory), directory.resolve(IRIS_WITH_LAYOUT_FILE_NAME));
    }
}
