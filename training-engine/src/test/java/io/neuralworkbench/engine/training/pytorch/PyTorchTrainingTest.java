package io.neuralworkbench.engine.training.pytorch;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.SyntheticData;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.workflow.TabularTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PyTorch backend driven by the engine's own training session, against DL4J's results. */
class PyTorchTrainingTest {
    private final ArrayDataset train = SyntheticData.blobs(300, 1);
    private final ArrayDataset validation = SyntheticData.blobs(90, 2);
    private final TrainingConfig config = TrainingConfig.defaults().withEpochs(4).withBatchSize(16).withLearningRate(0.01);

    private TrainingResult run(TrainingBackend backend, TrainingConfig trainingConfig) {
        TrainingResult result = TrainingSession.create(backend, SyntheticData.smallClassifier(), trainingConfig, train,
                validation, null).run();
        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        return result;
    }

    @Test
    void reachesTheSameAccuracyBandAsDl4jOnThreeBlobs() {
        double pyTorch = run(new PyTorchBackend(), config).lastEpoch().validationAccuracy();
        double dl4j = run(new Dl4jGraphBackend(), config).lastEpoch().validationAccuracy();

        assertThat(pyTorch).isGreaterThanOrEqualTo(0.9);
        assertThat(dl4j).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void sameSeedSameDataSameConfigGivesTheSameMetricsWithADropoutNetwork() {
        NetworkDescription withDropout = NetworkDescription.builder("dropout")
                .then("input", Layer.Input.flat(4))
                .then("hidden", Layer.Dense.of(16))
                .then("dropout", Layer.Dropout.of(0.3))
                .then("output", Layer.Output.classification(3))
                .build();
        List<List<Double>> runs = new ArrayList<>();
        for (long seed : new long[] {42, 42, 7}) {
            TrainingResult result = TrainingSession.create(new PyTorchBackend(), withDropout, config.withSeed(seed), train,
                    validation, null).run();
            runs.add(result.history().stream().map(EpochEvent::validationLoss).toList());
        }

        assertThat(runs.get(1)).containsExactlyElementsOf(runs.get(0));
        assertThat(runs.get(2)).isNotEqualTo(runs.get(0));
    }

    @ParameterizedTest
    @CsvSource({"SGD, 0.1", "SGD_NESTEROV, 0.05", "ADAM, 0.01", "ADAMW, 0.01", "RMSPROP, 0.01"})
    void everyOptimizerLearns(OptimizerType type, double learningRate) {
        TrainingResult result = run(new PyTorchBackend(),
                config.withOptimizer(Optimizer.of(type)).withLearningRate(learningRate).withL2(1e-4));

        assertThat(result.lastEpoch().trainLoss()).isLessThan(result.history().get(0).trainLoss());
        assertThat(result.lastEpoch().validationAccuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void isRegisteredAfterDl4jWhichStaysTheDefault() {
        assertThat(TrainingBackends.defaultBackend()).isInstanceOf(Dl4jGraphBackend.class);
        assertThat(TrainingBackends.all()).extracting(TrainingBackend::id)
                .containsExactly(Dl4jGraphBackend.ID, PyTorchBackend.ID);
        assertThat(TrainingBackends.byId(PyTorchBackend.ID)).isInstanceOf(PyTorchBackend.class);
    }

    @Test
    @Tag("slow")
    void irisTrainedWithPyTorchMakesAPlainDl4jBundleThatPredictsTheSame(@TempDir Path directory) throws Exception {
        TrainingConfig irisConfig = TrainingConfig.defaults().withEpochs(50).withBatchSize(16).withLearningRate(0.01);
        PyTorchBackend backend = new PyTorchBackend();
        TabularTraining training = TabularTraining.prepare(Path.of("../shared/datasets/iris.csv"),
                PreprocessingSpec.forTarget("species"), null, irisConfig, backend);
        TrainingResult result = training.newSession(null).run();
        Path file = directory.resolve("iris.zip");
        try (ModelBundle bundle = training.bundle(result)) {
            assertThat(bundle.testMetrics().classification().accuracy()).isGreaterThanOrEqualTo(0.87);
            bundle.write(file);
            float[][] features = training.data().test().features();
            float[][] trained = result.model().predict(features);
            try (ModelBundle read = ModelBundle.read(file)) {
                assertThat(read.manifest().backendId()).isEqualTo(Dl4jGraphBackend.ID);
                assertThat(read.provenance().backendId()).isEqualTo(PyTorchBackend.ID);
                assertThat(PyTorchBackendTest.maxDifference(trained, read.model().predict(features)))
                        .isLessThanOrEqualTo(1e-4);
            }
        }
    }
}
