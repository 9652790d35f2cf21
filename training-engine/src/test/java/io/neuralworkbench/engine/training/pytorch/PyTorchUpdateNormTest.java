package io.neuralworkbench.engine.training.pytorch;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;
import io.neuralworkbench.engine.training.SyntheticData;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingListener;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.ParameterSnapshot;
import io.neuralworkbench.engine.training.TrainableModel;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The PyTorch backend measures its updates when asked, and only then. */
class PyTorchUpdateNormTest {
    private final ArrayDataset train = SyntheticData.blobs(300, 1);
    private final TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withBatchSize(16)
            .withLearningRate(0.05).withOptimizer(Optimizer.of(OptimizerType.SGD));

    private List<IterationEvent> iterations(TrainingBackend backend, boolean measure) {
        List<IterationEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession session = TrainingSession.create(backend, SyntheticData.smallClassifier(), config, train,
                null, null);
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

    @Test
    void measuredUpdatesAreTheSizeOfTheStepTheWeightsTook() throws ReflectiveOperationException {
        assertThat(iterations(new PyTorchBackend(), true).stream().filter(event -> event.iteration() % 8 == 0))
                .hasSize(3).allSatisfy(event -> {
                    assertThat(event.updateNorm()).isFinite().isPositive();
                    assertThat(event.updateRatio()).isFinite().isPositive().isLessThan(1);
                });
        try (TrainableModel model = new PyTorchBackend().compile(SyntheticData.smallClassifier(),
                TrainingConfig.defaults().withLearningRate(0.01));
             BackendData data = model.upload(train)) {
            model.setMeasureUpdates(true);
            for (int step = 0; step < 3; step++) {
                List<float[]> before = weights(model);
                model.fitBatch(data, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
                List<float[]> after = weights(model);
                double moved = 0;
                double size = 0;
                for (int t = 0; t < after.size(); t++) {
                    for (int i = 0; i < after.get(t).length; i++) {
                        double change = after.get(t)[i] - before.get(t)[i];
                        moved += change * change;
                        size += after.get(t)[i] * after.get(t)[i];
                    }
                }
                assertThat(model.lastUpdateNorm()).isCloseTo(Math.sqrt(moved), within(Math.sqrt(moved) * 1e-3));
                assertThat(model.parameterNorm()).isCloseTo(Math.sqrt(size), within(Math.sqrt(size) * 1e-5));
            }
        }
    }

    /** Every tensor's values (the MLP has only trainable ones), read through the snapshot. */
    @SuppressWarnings("unchecked")
    private static List<float[]> weights(TrainableModel model) throws ReflectiveOperationException {
        ParameterSnapshot snapshot = model.snapshot();
        Method values = snapshot.getClass().getDeclaredMethod("values");
        values.setAccessible(true);
        return (List<float[]>) values.invoke(snapshot);
    }

    @Test
    void unmeasuredRunsReportNoUpdatesAndTrainTheSame() {
        List<IterationEvent> measured = iterations(new PyTorchBackend(), true);
        List<IterationEvent> plain = iterations(new PyTorchBackend(), false);

        assertThat(plain).allSatisfy(event -> assertThat(event.updateNorm()).isNaN());
        assertThat(measured).extracting(IterationEvent::loss)
                .containsExactlyElementsOf(plain.stream().map(IterationEvent::loss).toList());
    }
}
