package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A learning rate changed while paused takes effect on resume, and the optimizer state carries on. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LearningRateChangeTest {
    private final TrainingBackend backend = new Dl4jGraphBackend();
    private final ArrayDataset train = SyntheticData.blobs(300, 1);
    private final ArrayDataset validation = SyntheticData.blobs(90, 2);
    /** Adam, whose moments and step count would differ if a rate change reset the updater. */
    private final TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.adam()).withEpochs(2)
            .withBatchSize(16).withLearningRate(0.01);

    @Test
    void rateChangedWhilePausedEndsExactlyAsAnUninterruptedRunWithThatSchedule() throws Exception {
        TrainingSession session = TrainingSession.create(backend, SyntheticData.smallClassifier(), config, train,
                validation, null);
        CountDownLatch paused = new CountDownLatch(1);
        session.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                if (event.epoch() == 0) {
                    session.pause(); // takes effect before the second epoch's first batch
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
        session.changeLearningRate(0.005);
        session.resume();
        TrainingResult changed = session.awaitResult();

        // The same rates, 0.01 then 0.005, from a schedule and never paused.
        TrainingResult scheduled = TrainingSession.create(backend, SyntheticData.smallClassifier(),
                config.withSchedule(LearningRateSchedule.step(1, 0.5)), train, validation, null).run();

        assertThat(changed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(changed.history()).extracting(EpochEvent::learningRate).containsExactly(0.01, 0.005);
        assertThat(scheduled.history()).extracting(EpochEvent::learningRate).containsExactly(0.01, 0.005);
        assertThat(lossesOf(changed)).containsExactlyElementsOf(lossesOf(scheduled));
        assertThat(session.currentConfig().learningRate()).isEqualTo(0.005);
        // The change did something: the run without it ends elsewhere.
        TrainingResult unchanged = TrainingSession.create(backend, SyntheticData.smallClassifier(), config, train,
                validation, null).run();
        assertThat(lossesOf(unchanged)).isNotEqualTo(lossesOf(changed));
    }

    @Test
    void aRateThatIsNotPositiveIsRefusedWithAMessage() {
        TrainingSession session = TrainingSession.create(backend, SyntheticData.smallClassifier(), config, train,
                validation, null);

        assertThatThrownBy(() -> session.changeLearningRate(0)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("Learning rate must be a positive number");
        assertThat(session.currentConfig()).isEqualTo(config);
    }

    @Test
    void measuredIterationsCarryTheUpdateNormAndItsRatioToTheParameters() {
        List<IterationEvent> measured = iterations(true);
        List<IterationEvent> plain = iterations(false);

        assertThat(measured).allSatisfy(event -> {
            if (event.iteration() % TrainingSession.UPDATE_SAMPLE_INTERVAL == 0) {
                assertThat(event.updateNorm()).isFinite().isPositive();
                assertThat(event.updateRatio()).isFinite().isPositive().isLessThan(1);
            } else {
                assertThat(event.updateNorm()).isNaN(); // only every 8th batch is measured, to keep it cheap
            }
        });
        assertThat(measured.stream().filter(event -> Double.isFinite(event.updateNorm()))).hasSize(3); // of 19
        assertThat(plain).allSatisfy(event -> assertThat(event.updateNorm()).isNaN());
        // Measuring reads the model only: the losses are the same either way.
        assertThat(measured).extracting(IterationEvent::loss)
                .containsExactlyElementsOf(plain.stream().map(IterationEvent::loss).toList());
    }

    private List<IterationEvent> iterations(boolean measure) {
        List<IterationEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession session = TrainingSession.create(backend, SyntheticData.smallClassifier(),
                config.withEpochs(1), train, validation, null);
        session.setMeasureUpdates(measure);
        session.addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent event) {
                events.add(event);
            }
        });
        session.run();
        return events;
    }

    private static List<Double> lossesOf(TrainingResult result) {
        return result.history().stream().flatMap(e -> java.util.stream.Stream.of(e.trainLoss(), e.validationLoss()))
                .toList();
    }
}
