package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.workflow.TabularTraining;

/** One iris model trained for all export tests of a test run (a few seconds), with its test split. */
final class TrainedIris {
    private static TrainedIris instance;

    final ModelBundle bundle;
    final SampleSource testSplit;

    private TrainedIris(ModelBundle bundle, SampleSource testSplit) {
        this.bundle = bundle;
        this.testSplit = testSplit;
    }

    static synchronized TrainedIris get() {
        if (instance == null) {
            TabularTraining training = TabularTraining.prepare(SharedDatasets.IRIS, PreprocessingSpec.forTarget("species"),
                    null, TrainingConfig.defaults().withEpochs(40).withLearningRate(0.01), TrainingBackends.defaultBackend());
            instance = new TrainedIris(training.bundle(training.newSession(null).run()), training.data().test());
        }
        return instance;
    }

    ParitySample testSample() {
        return ParitySample.testSplit(testSplit);
    }
}
