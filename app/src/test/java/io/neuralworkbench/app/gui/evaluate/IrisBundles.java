package io.neuralworkbench.app.gui.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.workflow.ModelTraining;
import io.neuralworkbench.engine.workflow.TabularTraining;

/** One iris model per test JVM, trained through the engine for a few epochs as 'workbench train' would. */
public final class IrisBundles {
    static final Path IRIS = Path.of("../shared/datasets/iris.csv");

    /** The bundle file and the metrics the engine computed on its test split at training time. */
    public record Trained(Path file, EvaluationReport testMetrics) {
    }

    private static Trained trained;

    private IrisBundles() {
    }

    public static synchronized Trained irisBundle() throws IOException {
        if (trained == null) {
            // The CLI's --seed deals the split and seeds the training; the provenance records it.
            TrainingConfig config = TrainingConfig.defaults().withEpochs(40).withLearningRate(0.02).withSeed(7);
            PreprocessingSpec spec = PreprocessingSpec.forTarget("species")
                    .withSplit(io.neuralworkbench.engine.data.SplitFractions.DEFAULT, 7);
            ModelTraining training = TabularTraining.prepare(IRIS, spec, null, config,
                    TrainingBackends.defaultBackend()).training();
            TrainingResult result = training.newSession(null).run();
            Path file = Files.createTempDirectory("evaluate-test").resolve("iris.zip");
            try (ModelBundle bundle = training.bundle(result)) {
                bundle.write(file);
                trained = new Trained(file, bundle.testMetrics());
            }
        }
        return trained;
    }
}
