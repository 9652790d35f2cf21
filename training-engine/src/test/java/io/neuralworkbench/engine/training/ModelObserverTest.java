package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Observers see the model on the training thread, between batches, without changing what the run learns. */
class ModelObserverTest {
    private final ArrayDataset train = SyntheticData.blobs(200, 1);
    private final TrainingConfig config = TrainingConfig.defaults().withEpochs(3).withBatchSize(20)
            .withLearningRate(0.01);

    private TrainingSession session() {
        return TrainingSession.create(new Dl4jGraphBackend(), SyntheticData.smallClassifier(), config, train, null,
                null);
    }

    @Test
    void observersSeeEveryBatchAndEpochOnTheTrainingThreadAndTheRunLearnsTheSame() {
        List<String> threads = new ArrayList<>();
        List<Boolean> pausing = new ArrayList<>();
        List<float[][]> predictions = new ArrayList<>();
        int[] batches = {0};
        TrainingSession observed = session();
        observed.addModelObserver(new ModelObserver() {
            @Override
            public void afterBatch(IterationEvent event, ModelProbe model) {
                batches[0]++;
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausingNow) {
                pausing.add(pausingNow);
                predictions.add(model.predict(new float[][] {{0, 0, 0, 0}, {1, 1, 1, 1}}));
            }
        });
        TrainingResult withObserver = observed.run();
        TrainingResult without = session().run();

        assertThat(batches[0]).isEqualTo(3 * 10);
        assertThat(threads).containsOnly(Thread.currentThread().getName()); // run() trains on this thread
        assertThat(pausing).containsExactly(false, false, true); // the last epoch stays on screen
        assertThat(predictions).hasSize(3).allSatisfy(p -> assertThat(p[0]).hasSize(train.targetCount()));
        assertThat(withObserver.history().get(2).trainLoss()).isEqualTo(without.history().get(2).trainLoss());
    }

    @Test
    void aStepPauseRequestedInOnEpochIsReportedAsPausing() throws Exception {
        TrainingSession session = session();
        List<Boolean> pausing = new ArrayList<>();
        session.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                if (event.epoch() == 0) {
                    session.pause();
                }
            }
        });
        session.addModelObserver(new ModelObserver() {
            @Override
            public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausingNow) {
                pausing.add(pausingNow);
            }
        });
        session.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (session.state() != SessionState.PAUSED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(session.state()).isEqualTo(SessionState.PAUSED);
        assertThat(session.isPauseRequested()).isTrue();
        session.resume();
        session.awaitResult();
        assertThat(pausing).containsExactly(true, false, true);
    }

    @Test
    void theProbeListsEachLayersParametersAndActivations() {
        List<LayerParameters> parameters = new ArrayList<>();
        List<Map<String, float[]>> activations = new ArrayList<>();
        TrainingSession session = session();
        session.addModelObserver(new ModelObserver() {
            @Override
            public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausingNow) {
                if (pausingNow) {
                    parameters.addAll(model.parameters());
                    activations.add(model.activations(new float[][] {{0, 0, 0, 0}, {1, 1, 1, 1}, {2, 2, 2, 2}}));
                }
            }
        });
        session.run();

        long count = parameters.stream().mapToLong(p -> p.values().length).sum();
        assertThat(parameters).isNotEmpty().allSatisfy(p ->
                assertThat((long) p.values().length).isEqualTo(java.util.Arrays.stream(p.shape()).reduce(1, (a, b) -> a * b)));
        assertThat(parameters).extracting(LayerParameters::name).contains("W", "b");
        assertThat(count).isEqualTo(countParameters());
        Map<String, float[]> layers = activations.get(0);
        assertThat(layers).isNotEmpty().doesNotContainKey("input");
        String firstHidden = layers.keySet().iterator().next();
        assertThat(layers.get(firstHidden).length % 3).isZero(); // three rows of that layer's outputs
    }

    private long countParameters() {
        try (TrainableModel model = new Dl4jGraphBackend().compile(SyntheticData.smallClassifier(), config)) {
            return model.parameterCount();
        }
    }
}
