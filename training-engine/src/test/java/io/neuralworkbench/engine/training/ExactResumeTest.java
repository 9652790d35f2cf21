package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops a checkpointed run after epoch 2 of 4 and resumes it from the checkpoint in a fresh model: with the
 * optimizer state (moments, velocities, step count) and the per-epoch dropout seed restored, every epoch's losses
 * and the final outputs are those of the uninterrupted run, bit for bit, on either backend.
 */
class ExactResumeTest {
    private static final NetworkDescription WITH_DROPOUT = NetworkDescription.builder("dropout")
            .then("input", Layer.Input.flat(4))
            .then("hidden", Layer.Dense.of(16))
            .then("dropout", Layer.Dropout.of(0.3))
            .then("output", Layer.Output.classification(3))
            .build();

    private final ArrayDataset train = SyntheticData.blobs(300, 1);
    private final ArrayDataset validation = SyntheticData.blobs(90, 2);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "pytorch, ADAM, 0.01", "pytorch, ADAMW, 0.01", "pytorch, SGD_NESTEROV, 0.05", "pytorch, RMSPROP, 0.01",
            "pytorch, SGD, 0.1",
            "dl4j-graph, ADAM, 0.01", "dl4j-graph, SGD_NESTEROV, 0.05"})
    void aRunResumedFromItsCheckpointEndsExactlyAsTheUninterruptedRun(String backendId, OptimizerType type,
                                                                       double learningRate, @TempDir Path checkpoints) {
        TrainingBackend backend = TrainingBackends.byId(backendId);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(4).withBatchSize(16)
                .withOptimizer(Optimizer.of(type)).withLearningRate(learningRate).withL2(1e-4);
        TrainingResult uninterrupted = TrainingSession.create(backend, WITH_DROPOUT, config, train, validation, null)
                .run();

        TrainingSession first = TrainingSession.create(backend, WITH_DROPOUT, config, train, validation, checkpoints);
        first.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                if (event.epoch() == 1) {
                    first.stop();
                }
            }
        });
        TrainingResult stopped = first.run();
        stopped.model().close();
        TrainingResult resumed = TrainingSession.resume(backend, checkpoints, train, validation).run();

        assertThat(stopped.state()).isEqualTo(SessionState.STOPPED);
        assertThat(stopped.history()).hasSize(2);
        assertThat(resumed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(resumed.history()).extracting(EpochEvent::trainLoss)
                .containsExactlyElementsOf(uninterrupted.history().stream().map(EpochEvent::trainLoss).toList());
        assertThat(resumed.history()).extracting(EpochEvent::validationLoss)
                .containsExactlyElementsOf(uninterrupted.history().stream().map(EpochEvent::validationLoss).toList());
        float[][] features = validation.features();
        assertThat(resumed.model().predict(features)).isDeepEqualTo(uninterrupted.model().predict(features));
        uninterrupted.model().close();
        resumed.model().close();
    }
}
