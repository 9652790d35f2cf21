package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.data.synthetic.GeneratorSettings;
import io.neuralworkbench.engine.data.synthetic.TeachingSet;
import io.neuralworkbench.engine.training.EarlyStopping;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** k-fold cross-validation of one configuration through the engine's workflow (about 30 s of CPU in all). */
@Tag("slow")
class CrossValidationTest {
    private static final TrainingConfig IRIS_CONFIG =
            TrainingConfig.defaults().withEpochs(15).withBatchSize(24).withLearningRate(0.05).withSeed(42);

    private static TrainingBackend backend() {
        TrainingBackend backend = TrainingBackends.defaultBackend();
        backend.useThreads(1);
        return backend;
    }

    /** Records the progress events as "started 1/5", "epoch 1/5 3", "finished 1/5". */
    private static class Progress implements CrossValidationListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onFoldStarted(int fold, int foldCount, int trainingRows, int heldOutRows) {
            events.add("started " + (fold + 1) + "/" + foldCount + " " + trainingRows + "+" + heldOutRows);
        }

        @Override
        public void onEpoch(int fold, int foldCount, EpochEvent event) {
            events.add("epoch " + (fold + 1) + "/" + foldCount + " " + (event.epoch() + 1));
        }

        @Override
        public void onFoldFinished(FoldResult result, int foldCount) {
            events.add("finished " + (result.fold() + 1) + "/" + foldCount);
        }
    }

    @Test
    void irisInFiveFoldsGivesFiveResultsAndAMeanAccuracyOfAtLeast85Percent() {
        CrossValidation cv = CrossValidation.prepare(CsvImporter.read(SharedDatasets.IRIS),
                PreprocessingSpec.forTarget("species"), null,
                IRIS_CONFIG.withEarlyStopping(EarlyStopping.onValidationLoss(5)), backend(), 5);
        Progress progress = new Progress();

        CrossValidationResult result = cv.run(progress);

        assertThat(result.isComplete()).isTrue();
        assertThat(result.task()).isEqualTo(TaskType.CLASSIFICATION);
        assertThat(result.folds()).hasSize(5).allSatisfy(fold -> {
            assertThat(fold.trainingRows()).isEqualTo(120);
            assertThat(fold.heldOutRows()).isEqualTo(30);
            assertThat(fold.heldOut().samples()).isEqualTo(30);
            assertThat(fold.epochs()).isEqualTo(15);
        });
        assertThat(result.folds()).extracting(FoldResult::fold).containsExactly(0, 1, 2, 3, 4);
        double[] accuracies = result.folds().stream().mapToDouble(f -> f.metric("accuracy")).toArray();
        MetricSummary accuracy = result.summary().get(0);
        assertThat(accuracy.metric()).isEqualTo("accuracy");
        assertThat(accuracy).isEqualTo(MetricSummary.of("accuracy", accuracies));
        assertThat(accuracy.mean()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.summaryLine()).startsWith("accuracy ").contains(" ± ").endsWith("over 5 folds");
        // Early stopping would pick its epoch on the very fold being scored, so it is switched off and said so.
        assertThat(cv.config().earlyStopping().enabled()).isFalse();
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("Early stopping is off"));

        assertThat(progress.events).hasSize(5 * (1 + 15 + 1));
        assertThat(progress.events.subList(0, 3)).containsExactly("started 1/5 120+30", "epoch 1/5 1",
                "epoch 1/5 2");
        assertThat(progress.events).contains("epoch 3/5 15", "finished 4/5").endsWith("epoch 5/5 15",
                "finished 5/5");
    }

    @Test
    void regressionOnTheSineCurveReportsRmseMaeAndR2PerFoldAndSummarised() {
        RawTable curve = TeachingSet.CURVE.generate(new GeneratorSettings(200, 0.05, 42));
        CrossValidation cv = CrossValidation.prepare(curve, PreprocessingSpec.forTarget("y"), null,
                TrainingConfig.defaults().withEpochs(30).withBatchSize(32).withLearningRate(0.05).withSeed(42),
                backend(), 3);

        CrossValidationResult result = cv.run(null);

        assertThat(result.isComplete()).isTrue();
        assertThat(result.task()).isEqualTo(TaskType.REGRESSION);
        assertThat(result.summary()).extracting(MetricSummary::metric).containsExactly("rmse", "mae", "r2");
        assertThat(result.folds()).hasSize(3).allSatisfy(fold -> {
            assertThat(fold.heldOut().regression()).isNotNull();
            assertThat(fold.heldOutRows()).isBetween(66, 67);
            // In y's units: sin(πx) spans [-1, 1], so a fitted curve is off by well under 0.3.
            assertThat(fold.metric("rmse")).isPositive().isLessThan(0.3);
            assertThat(fold.metric("r2")).isGreaterThan(0.8);
        });
        double[] rmse = result.folds().stream().mapToDouble(f -> f.metric("rmse")).toArray();
        assertThat(result.summary().get(0).mean()).isCloseTo((rmse[0] + rmse[1] + rmse[2]) / 3, within(1e-12));
        assertThat(result.summary().get(0).standardDeviation()).isPositive();
        assertThat(result.summaryLine()).contains("rmse ").contains("r2 ");
    }

    @Test
    void cancellingAfterAFoldStopsBeforeTheNextOneKeepingTheFinishedFolds() {
        CrossValidation cv = CrossValidation.prepare(CsvImporter.read(SharedDatasets.IRIS),
                PreprocessingSpec.forTarget("species"), null, IRIS_CONFIG.withEpochs(3), backend(), 5);
        Progress progress = new Progress() {
            @Override
            public void onFoldFinished(FoldResult result, int foldCount) {
                super.onFoldFinished(result, foldCount);
                if (result.fold() == 1) {
                    cv.cancel();
                }
            }
        };

        CrossValidationResult result = cv.run(progress);

        assertThat(result.state()).isEqualTo(SessionState.STOPPED);
        assertThat(result.isComplete()).isFalse();
        assertThat(result.foldCount()).isEqualTo(5);
        assertThat(result.folds()).extracting(FoldResult::fold).containsExactly(0, 1);
        assertThat(result.summary().get(0).mean()).isEqualTo(
                (result.folds().get(0).metric("accuracy") + result.folds().get(1).metric("accuracy")) / 2);
        assertThat(progress.events).noneMatch(event -> event.startsWith("started 3/5"));
        assertThat(result.message()).contains("stopped").contains("2 folds finished");
    }

    @Test
    void cancellingDuringAFoldDropsThatFoldAndTrainsNoOther() {
        CrossValidation cv = CrossValidation.prepare(CsvImporter.read(SharedDatasets.IRIS),
                PreprocessingSpec.forTarget("species"), null, IRIS_CONFIG.withEpochs(5), backend(), 3);
        Progress progress = new Progress() {
            @Override
            public void onEpoch(int fold, int foldCount, EpochEvent event) {
                super.onEpoch(fold, foldCount, event);
                if (fold == 1 && event.epoch() == 1) {
                    cv.cancel();
                }
            }
        };

        CrossValidationResult result = cv.run(progress);

        assertThat(result.state()).isEqualTo(SessionState.STOPPED);
        assertThat(result.folds()).extracting(FoldResult::fold).containsExactly(0);
        assertThat(progress.events).doesNotContain("epoch 2/3 3", "finished 2/3")
                .noneMatch(event -> event.startsWith("started 3/3"));
    }
}
