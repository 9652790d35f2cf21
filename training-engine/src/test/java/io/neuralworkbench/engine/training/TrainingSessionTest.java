package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TrainingSessionTest {
    private final TrainingBackend backend = new Dl4jGraphBackend();
    private final ArrayDataset train = SyntheticData.blobs(300, 1);
    private final ArrayDataset validation = SyntheticData.blobs(90, 2);
    private final TrainingConfig config = TrainingConfig.defaults().withEpochs(4).withBatchSize(16).withLearningRate(0.01);

    private TrainingResult runToEnd(TrainingConfig trainingConfig) {
        return TrainingSession.create(backend, SyntheticData.smallClassifier(), trainingConfig, train, validation, null)
                .run();
    }

    @Test
    void learnsAndReportsEveryEpoch() {
        List<EpochEvent> epochs = new CopyOnWriteArrayList<>();
        AtomicLong iterations = new AtomicLong();
        TrainingSession session = TrainingSession.create(backend, SyntheticData.smallClassifier(), config, train,
                validation, null);
        session.addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent event) {
                iterations.incrementAndGet();
            }

            @Override
            public void onEpoch(EpochEvent event) {
                epochs.add(event);
            }
        });
        TrainingResult result = session.run();

        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(epochs).hasSize(4);
        assertThat(iterations.get()).isEqualTo(4 * 19); // ceil(300 / 16) batches per epoch
        EpochEvent last = epochs.get(3);
        assertThat(last.validationAccuracy()).isGreaterThan(0.9);
        assertThat(last.trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(last.samplesPerSecond()).isPositive();
        assertThat(last.etaSeconds()).isZero();
        assertThat(epochs.get(0).etaSeconds()).isPositive();
    }

    @Test
    void sameSeedSameDataSameConfigGivesTheSameMetrics() {
        TrainingResult first = runToEnd(config);
        TrainingResult second = runToEnd(config);
        TrainingResult otherSeed = runToEnd(config.withSeed(7));

        assertThat(lossesOf(second)).containsExactlyElementsOf(lossesOf(first));
        assertThat(second.lastEpoch().validationAccuracy()).isEqualTo(first.lastEpoch().validationAccuracy());
        assertThat(lossesOf(otherSeed)).isNotEqualTo(lossesOf(first));
    }

    private static List<Double> lossesOf(TrainingResult result) {
        return result.history().stream().flatMap(e -> java.util.stream.Stream.of(e.trainLoss(), e.validationLoss()))
                .toList();
    }

    @Test
    void pauseHoldsTheRunAndResumeContinuesExactlyAsWithoutThePause() throws Exception {
        TrainingSession session = TrainingSession.create(backend, SyntheticData.smallClassifier(), config, train,
                validation, null);
        CountDownLatch paused = new CountDownLatch(1);
        AtomicLong iterations = new AtomicLong();
        session.addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent event) {
                if (iterations.incrementAndGet() == 25) {
                    session.pause();
                }
            }

            @Override
            public void onStateChanged(SessionState state, String message) {
                if (state == SessionState.PAUSED) {
                    paused.countDown();
                }
            }
        });
        session.start();
        assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
        long atPause = iterations.get();
        Thread.sleep(300);
        assertThat(iterations.get()).isEqualTo(atPause);
        assertThat(session.state()).isEqualTo(SessionState.PAUSED);

        session.resume();
        TrainingResult resumed = session.awaitResult();

        assertThat(resumed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(atPause).isEqualTo(25);
        // Optimizer state survived the pause: the run is identical to one never paused.
        assertThat(lossesOf(resumed)).containsExactlyElementsOf(lossesOf(runToEnd(config)));
    }

    @Test
    void stopEndsTheRunAndKeepsTheModel() {
        TrainingSession session = TrainingSession.create(backend, SyntheticData.smallClassifier(),
                config.withEpochs(50), train, validation, null);
        session.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                if (event.epoch() == 1) {
                    session.stop();
                }
            }
        });
        TrainingResult result = session.run();

        assertThat(result.state()).isEqualTo(SessionState.STOPPED);
        assertThat(result.history()).hasSize(2);
        assertThat(result.message()).contains("Stopped");
        assertThat(result.model().predict(validation.features())).hasNumberOfRows(validation.size());
    }

    @Test
    void divergingLossStopsTheRunWithAHelpfulMessageAndRollsBack() {
        // Linear regression with plain SGD and a far too large step: the weights explode within a few batches.
        ArrayDataset regression = SyntheticData.linearRegression(200, 3);
        TrainingConfig explosive = config.withOptimizer(Optimizer.of(OptimizerType.SGD)).withLearningRate(5.0)
                .withEpochs(5);
        List<String> messages = new CopyOnWriteArrayList<>();
        TrainingSession session = TrainingSession.create(backend, SyntheticData.linearRegressor(), explosive,
                regression, null, null);
        session.addListener(new TrainingListener() {
            @Override
            public void onStateChanged(SessionState state, String message) {
                messages.add(state + ": " + message);
            }
        });
        TrainingResult result = session.run();

        assertThat(result.state()).isEqualTo(SessionState.DIVERGED);
        assertThat(result.message()).contains("lower learning rate").containsAnyOf("NaN", "infinite");
        assertThat(messages).last().asString().startsWith("DIVERGED");
        for (float[] row : result.model().predict(regression.features())) {
            for (float value : row) {
                assertThat(Float.isFinite(value)).isTrue();
            }
        }
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        // A large learning rate makes validation loss bounce, so patience 1 ends the run early.
        TrainingConfig noisy = config.withEpochs(30).withLearningRate(0.3)
                .withEarlyStopping(EarlyStopping.onValidationLoss(1));
        TrainingResult result = runToEnd(noisy);

        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(result.history().size()).isLessThan(30);
        assertThat(result.message()).contains("Early stopping");
        double bestLoss = result.history().stream().mapToDouble(EpochEvent::validationLoss).min().orElseThrow();
        assertThat(result.history().get(result.bestEpoch()).validationLoss()).isEqualTo(bestLoss);
        try (BackendData validationData = result.model().upload(validation)) {
            assertThat(result.model().meanLoss(validationData)).isCloseTo(bestLoss, org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
