package io.neuralworkbench.app.gui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.gui.train.TrainViewModel.Phase;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.charts.TrainingEventBuffer;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.Run;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.LearningRateSchedule;
import io.neuralworkbench.engine.training.OptimizerType;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Train view model without a screen or FX toolkit: its "UI thread" is this test's thread, which runs what
 * the model posts to it, and its background work runs at once on the same thread.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TrainViewModelTest {
    private static final Path IRIS = Path.of("../shared/datasets/iris.csv");

    @TempDir
    Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/train-model");
    private final BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final List<String> shownErrors = new ArrayList<>();
    private ProjectSession session;
    private TrainViewModel model;

    /** Runs the work at once and reports on the calling thread, as the app does through its task center. */
    private static final class AtOnce implements TrainViewModel.Background {
        @Override
        public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    }

    @BeforeEach
    void open() throws BackingStoreException {
        preferences.clear();
        session = new ProjectSession(preferences, dir.resolve("autosave"));
        session.newProject(Project.newFor(IRIS, "species")
                .withTraining(TrainingConfig.defaults().withEpochs(5).withLearningRate(0.01)));
        model = new TrainViewModel(session, new AtOnce(), uiQueue::add,
                (what, problem) -> shownErrors.add(what + ": " + problem.getMessage()));
        model.backendProperty().set("dl4j");
    }

    @AfterEach
    void stop() throws Exception {
        model.stop();
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);
        preferences.removeNode();
    }

    /** Plays the UI thread: runs what the model posted, refreshing as a frame would, until the condition holds. */
    private void runUiUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Runnable posted = uiQueue.poll(16, TimeUnit.MILLISECONDS);
            if (posted != null) {
                posted.run();
            }
            model.refresh();
        }
    }

    @Test
    void theFormShowsTheProjectsSettingsAndAnEditChangesTheProject() {
        assertThat(model.learningRateProperty().get()).isEqualTo("0.01");
        assertThat(model.epochsProperty().get()).isEqualTo("5");
        assertThat(model.optimizerProperty().get()).isEqualTo(OptimizerType.ADAM);
        assertThat(session.isDirty()).isFalse();

        model.learningRateProperty().set("0.003");
        model.optimizerProperty().set(OptimizerType.SGD_NESTEROV);
        model.earlyStoppingProperty().set(true);
        model.patienceProperty().set("3");

        TrainingConfig edited = session.project().training();
        assertThat(edited.learningRate()).isEqualTo(0.003);
        assertThat(edited.optimizer().type()).isEqualTo(OptimizerType.SGD_NESTEROV);
        assertThat(edited.earlyStopping().enabled()).isTrue();
        assertThat(edited.earlyStopping().patience()).isEqualTo(3);
        assertThat(session.isDirty()).isTrue();
        assertThat(model.plannedRatesProperty().get()).containsExactly(0.003, 0.003, 0.003, 0.003, 0.003);
    }

    @Test
    void anotherProjectFillsTheForm() {
        session.newProject(Project.newFor(IRIS, "species").withTraining(TrainingConfig.defaults().withBatchSize(7)));

        assertThat(model.batchSizeProperty().get()).isEqualTo("7");
        assertThat(model.learningRateProperty().get()).isEqualTo("0.001");
        assertThat(session.isDirty()).isFalse();
    }

    @Test
    void aValueThatIsNotANumberSaysWhichAndLeavesTheProjectAsItWas() {
        TrainingConfig before = session.project().training();

        model.batchSizeProperty().set("3x");

        assertThat(model.formProblemProperty().get()).isEqualTo("Batch size: \"3x\" is not a whole number; write e.g. 32.");
        assertThat(session.project().training()).isEqualTo(before);
        assertThat(model.canStart()).isFalse();

        model.batchSizeProperty().set("0");
        assertThat(model.formProblemProperty().get()).contains("Batch size must be at least 1");

        model.batchSizeProperty().set("16");
        assertThat(model.formProblemProperty().get()).isEmpty();
        assertThat(session.project().training().batchSize()).isEqualTo(16);
        assertThat(model.canStart()).isTrue();
    }

    @Test
    void theSchedulePreviewFollowsTheSchedulesSettings() {
        model.scheduleProperty().set(LearningRateSchedule.Type.STEP);
        model.stepEpochsProperty().set("2");
        model.factorProperty().set("0.5");

        assertThat(model.plannedRatesProperty().get()).containsExactly(0.01, 0.01, 0.005, 0.005, 0.0025);
        assertThat(session.project().training().schedule()).isEqualTo(LearningRateSchedule.step(2, 0.5));

        model.factorProperty().set("1.5");
        assertThat(model.formProblemProperty().get()).startsWith("Factor must be above 0 and at most 1");
    }

    @Test
    void aRunTrainsInTheBackgroundAndIsRecordedWithItsSettingsAndTestMetrics() throws Exception {
        model.start();
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        assertThat(model.liveRunIdProperty().get()).isEqualTo("run-1");
        TrainingEventBuffer live = model.liveBufferProperty().get();

        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);

        assertThat(shownErrors).isEmpty();
        Run run = session.project().runs().get(0);
        assertThat(run.id()).isEqualTo("run-1");
        assertThat(run.state()).isEqualTo("COMPLETED");
        assertThat(run.history()).hasSize(5);
        assertThat(run.config()).isEqualTo(session.project().training());
        assertThat(run.testMetrics().classification().accuracy()).isGreaterThan(0.5);
        assertThat(session.isDirty()).isTrue();
        assertThat(model.runs()).extracting(RunSummary::id).containsExactly("run-1");
        assertThat(model.runs().get(0).bestValidationAccuracy()).isGreaterThan(0.5);
        assertThat(model.runProgressProperty().get()).isEqualTo(1.0);
        assertThat(model.statusProperty().get()).isEqualTo("Training finished after 5 epochs");
        assertThat(model.latestResultProperty().get().state()).isEqualTo(SessionState.COMPLETED);
        // The buffer the charts drew from got every epoch and the DL4J backend's update ratios.
        TrainingEventBuffer.Update everything = live.snapshot();
        assertThat(everything.newEpochs()).hasSize(5);
        // 4 batches per epoch of iris' 105 training rows, every 8th measured: batches 0, 8, 16.
        assertThat(java.util.Arrays.stream(everything.updateRatios()).filter(r -> Double.isFinite(r) && r > 0))
                .hasSize(3);
    }

    @Test
    @Tag("slow")
    void aLearningRateChangedWhilePausedIsUsedAfterResumeAndRecorded() throws Exception {
        model.batchSizeProperty().set("4");
        model.epochsProperty().set("300");
        model.start();
        TrainingEventBuffer live = model.liveBufferProperty().get();
        runUiUntil(() -> !live.snapshot().newEpochs().isEmpty());

        model.pause();
        runUiUntil(() -> model.sessionStateProperty().get() == SessionState.PAUSED);
        assertThat(model.learningRateEditableProperty().get()).isTrue();
        assertThat(model.formEditableProperty().get()).isFalse();
        model.learningRateProperty().set("0.002");
        assertThat(session.project().training().learningRate()).isEqualTo(0.002);
        int epochsBefore = live.snapshot().newEpochs().size();
        model.resume();
        runUiUntil(() -> live.snapshot().newEpochs().size() > epochsBefore + 1);
        model.stop();
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);

        Run run = session.project().runs().get(0);
        assertThat(run.state()).isEqualTo("STOPPED");
        assertThat(run.config().learningRate()).isEqualTo(0.002);
        List<EpochEvent> history = run.history();
        assertThat(history.get(history.size() - 1).learningRate()).isEqualTo(0.002);
        assertThat(history.get(0).learningRate()).isEqualTo(0.01);
    }

    @Test
    void aDivergingRunIsRecordedAndShownAsAReadableMessage() throws Exception {
        model.optimizerProperty().set(OptimizerType.SGD);
        model.learningRateProperty().set("1e9");

        model.start();
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);

        assertThat(session.project().runs().get(0).state()).isEqualTo("DIVERGED");
        assertThat(shownErrors).singleElement().asString().startsWith("Training: Training diverged in epoch 1")
                .contains("Try a lower learning rate");
    }

    @Test
    void dataThatCannotBeReadIsShownAndTheControlsAreFreeAgain() {
        session.newProject(Project.newFor(dir.resolve("missing.csv"), "species"));

        model.start();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(shownErrors).singleElement().asString().startsWith("Preparing the training: ")
                .contains("missing.csv");
        assertThat(model.statusProperty().get()).startsWith("Training did not start");
        assertThat(model.canStart()).isTrue();
    }

    @Test
    void runsOverlayFromTheirRecordedEpochsAndTheirSettingsDiffer() {
        EpochEvent epoch = new EpochEvent(0, 2, 0.9, 0.6, 1.0, 0.5, 0.01, 100, 1, 1);
        EpochEvent later = new EpochEvent(1, 2, 0.5, 0.8, 0.7, 0.75, 0.01, 100, 2, 0);
        TrainingConfig first = TrainingConfig.defaults();
        session.edit(project -> project
                .withRun(new Run("run-1", Instant.EPOCH, "COMPLETED", List.of(epoch, later), null, null, "", first))
                .withRun(new Run("run-2", Instant.EPOCH, "STOPPED", List.of(epoch), null, null, "",
                        first.withLearningRate(0.01).withBatchSize(64)))
                .withRun(new Run("run-0", Instant.EPOCH, "COMPLETED", List.of(), null, null, "")));

        assertThat(model.runs()).extracting(RunSummary::id).containsExactly("run-1", "run-2", "run-0");
        assertThat(model.runs().get(0).bestValidationLoss()).isEqualTo(0.7);
        assertThat(model.runs().get(0).bestValidationAccuracy()).isEqualTo(0.75);
        assertThat(model.runs().get(2).bestValidationLoss()).isNaN();
        var curves = model.curvesOf(List.of("run-1", "run-2"));
        assertThat(curves.keySet()).containsExactly("run-1", "run-2");
        assertThat(curves.get("run-1").snapshot().newEpochs()).containsExactly(epoch, later);
        assertThat(model.configDiff("run-1", "run-2"))
                .containsExactly("learningRate: 0.001 → 0.01", "batchSize: 32 → 64");
        assertThat(model.configDiff("run-1", "run-1")).singleElement().asString().contains("same settings");
        assertThat(model.configDiff("run-1", "run-0")).singleElement().asString()
                .startsWith("run-0 has no recorded settings");
    }

    @Test
    void startIsPossibleOnceAProjectIsOpen() {
        session.closeProject();
        assertThat(model.canStartProperty().get()).isFalse();

        session.newProject(Project.newFor(IRIS, "species"));

        assertThat(model.canStartProperty().get()).isTrue();
        model.epochsProperty().set("none");
        assertThat(model.canStartProperty().get()).isFalse();
    }

    @Test
    void durationsReadAsClockTimes() {
        assertThat(TrainViewModel.duration(7.4)).isEqualTo("0:07");
        assertThat(TrainViewModel.duration(750)).isEqualTo("12:30");
        assertThat(TrainViewModel.duration(3723)).isEqualTo("1:02:03");
    }

    @Test
    void aNotPositiveLearningRateIsRefusedBeforeItReachesTheProject() {
        model.learningRateProperty().set("-1");

        assertThat(model.formProblemProperty().get())
                .isEqualTo(new UserInputException("Learning rate must be a positive number, but is -1.0.").getMessage());
        assertThat(session.project().training().learningRate()).isEqualTo(0.01);
    }

    @Test
    void theDeviceChoiceStartsAtTheSettingsPreferenceAndFollowsItBetweenRuns() {
        io.neuralworkbench.app.settings.Settings settings = new io.neuralworkbench.app.settings.Settings(preferences);
        settings.computeProperty().set(io.neuralworkbench.app.settings.Settings.ComputePreference.GPU);
        TrainViewModel withSettings = new TrainViewModel(session, new AtOnce(), uiQueue::add,
                (what, problem) -> shownErrors.add(what), settings.computeProperty());

        assertThat(withSettings.deviceProperty().get())
                .isEqualTo(io.neuralworkbench.app.settings.Settings.ComputePreference.GPU);
        settings.computeProperty().set(io.neuralworkbench.app.settings.Settings.ComputePreference.CPU);
        assertThat(withSettings.deviceProperty().get())
                .isEqualTo(io.neuralworkbench.app.settings.Settings.ComputePreference.CPU);
        // the view model without settings keeps the CPU
        assertThat(model.deviceProperty().get()).isEqualTo(io.neuralworkbench.app.settings.Settings.ComputePreference.CPU);
    }

    @Test
    void aGpuChoiceWithoutAGpuBackendSaysTheRunTrainsOnTheCpu() throws Exception {
        model.deviceProperty().set(io.neuralworkbench.app.settings.Settings.ComputePreference.GPU);
        model.start();

        assertThat(model.statusProperty().get()).contains("GPU was chosen, but this build has no GPU backend");
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);
        assertThat(session.project().runs()).hasSize(1);
    }

    @Test
    void stepTrainsExactlyOneEpochPerCallThenPauses() throws Exception {
        model.epochsProperty().set("50");
        model.step();
        TrainingEventBuffer live = model.liveBufferProperty().get();
        runUiUntil(() -> model.phaseProperty().get() == Phase.PAUSED
                && model.sessionStateProperty().get() == SessionState.PAUSED);
        Thread.sleep(300); // a run that did not pause would train on meanwhile
        assertThat(live.snapshot().newEpochs()).hasSize(1);
        assertThat(live.snapshot().totalIterations()).isEqualTo(4); // iris: 105 training rows in batches of 32

        model.step();
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        runUiUntil(() -> model.phaseProperty().get() == Phase.PAUSED
                && model.sessionStateProperty().get() == SessionState.PAUSED
                && live.snapshot().newEpochs().size() == 2);
        Thread.sleep(300);
        assertThat(live.snapshot().newEpochs()).hasSize(2);
        assertThat(live.snapshot().totalIterations()).isEqualTo(8);
        assertThat(model.statusProperty().get()).startsWith("Epoch 2 trained");
        // The validation confusion matrix was recounted after epoch 2, from the model as the epoch left it: its
        // accuracy is the validation accuracy the engine reported for that epoch.
        runUiUntil(() -> model.validationConfusionProperty().get() != null
                && model.validationConfusionProperty().get().epoch() == 1);
        ValidationConfusion.Matrix confusion = model.validationConfusionProperty().get();
        assertThat(confusion.classNames()).containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
        int correct = 0;
        for (int c = 0; c < 3; c++) {
            correct += confusion.counts().get(c).get(c);
        }
        assertThat(confusion.total()).isBetween(15, 30);
        assertThat((double) correct / confusion.total())
                .isCloseTo(live.snapshot().newEpochs().get(1).validationAccuracy(), within(1e-9));

        model.resume(); // trains on to the end
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);
        assertThat(session.project().runs().get(0).history()).hasSize(50);
    }

    @Test
    void slowMotionWaitsAfterEachBatch() throws Exception {
        model.batchDelayMillisProperty().set(100);
        long start = System.nanoTime();
        model.start(); // 5 epochs of 4 batches: at least 2 s with the waits
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);

        assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(20 * 0.1);
    }

    @Test
    void twoFeatureClassificationDataGivesThePlaneOfTheDecisionBoundary() throws Exception {
        Path spirals = dir.resolve("spirals.csv");
        io.neuralworkbench.engine.data.synthetic.TeachingSets.byName("spirals", 200, 0.1, 3).writeCsv(spirals);
        session.newProject(Project.newFor(spirals, "label").withTraining(TrainingConfig.defaults().withEpochs(1)));
        model.start();
        TrainViewModel.PlaneData plane = model.planeDataProperty().get();
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);

        assertThat(plane).isNotNull();
        assertThat(plane.points().length).isEqualTo(140); // the 70 % training split of 200
        assertThat(java.util.Arrays.stream(plane.points()).mapToInt(point -> point.length)).containsOnly(2);
        assertThat(plane.classNames()).hasSize(2);
        assertThat(plane.classes()).containsOnly(0, 1);
        assertThat(model.sampleRowsProperty().get().length).isEqualTo(128);

        session.newProject(Project.newFor(IRIS, "species").withTraining(TrainingConfig.defaults().withEpochs(1)));
        model.start();
        assertThat(model.planeDataProperty().get()).as("iris has four features").isNull();
        runUiUntil(() -> model.phaseProperty().get() == Phase.IDLE);
    }
}
