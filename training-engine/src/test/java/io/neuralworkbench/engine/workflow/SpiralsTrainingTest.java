package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.synthetic.GeneratorSettings;
import io.neuralworkbench.engine.data.synthetic.TeachingSet;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.training.LearningRateSchedule;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar for the teaching sets: the MLP template learns two spirals through the usual workflow
 * (about 25 s of CPU on one thread).
 */
@Tag("slow")
class SpiralsTrainingTest {

    @Test
    void theMlpTemplateReaches95PercentTestAccuracyOnTwoSpirals() {
        RawTable spirals = TeachingSet.SPIRALS.generate(new GeneratorSettings(1000, 0.05, 42));
        // A cosine decay lets a high starting rate find the spirals quickly and still settle: 40 epochs suffice.
        TrainingConfig config = TrainingConfig.defaults().withEpochs(EPOCHS).withBatchSize(32).withLearningRate(0.03)
                .withSchedule(LearningRateSchedule.cosine(0.1)).withSeed(42);
        TabularTraining training = TabularTraining.prepare(spirals, PreprocessingSpec.forTarget("label"), null,
                config, TrainingBackends.defaultBackend());
        training.backend().useThreads(1);

        long start = System.nanoTime();
        TrainingResult result = training.newSession(null).run();
        EvaluationReport test = training.bundle(result).testMetrics();
        System.out.printf("spirals: test %s after %d epochs in %.1f s%n", test.summary(), EPOCHS,
                (System.nanoTime() - start) / 1e9);

        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(test.samples()).isEqualTo(150);
        assertThat(test.classification().accuracy()).isGreaterThanOrEqualTo(0.95);
    }

    private static final int EPOCHS = 40;
}
