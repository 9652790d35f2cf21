package io.neuralworkbench.app.gui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.Run;
import io.neuralworkbench.engine.workflow.FoldResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Evaluate view's model with real background tasks, without a window. */
@Tag("slow")
class EvaluateViewModelTest {
    private static IrisBundles.Trained iris;

    @TempDir
    Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/evaluate-model");
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private TaskCenter tasks;
    private ProjectSession session;
    private EvaluateViewModel model;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        iris = IrisBundles.irisBundle();
    }

    @BeforeEach
    void createModel() throws Exception {
        tasks = new TaskCenter(2);
        tasks.setFailureHandler((title, problem) -> failures.add(problem));
        onFx(() -> {
            session = new ProjectSession(preferences, dir.resolve("autosave"));
            model = new EvaluateViewModel(session, tasks);
        });
    }

    @AfterEach
    void stop() throws BackingStoreException {
        tasks.close();
        preferences.removeNode();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openIrisAndEvaluate() throws Exception {
        onFx(() -> model.openBundle(iris.file()));
        waitUntil(() -> model.modelProperty().get() != null);
        onFx(() -> model.evaluateOn(IrisBundles.IRIS));
        waitUntil(() -> model.result() != null);
    }

    @Test
    void theLatestRunOfTheProjectIsEvaluatedOnItsTestSplit() throws Exception {
        assertThat(model.latestRunAvailableProperty().get()).isFalse();
        PreprocessingSpec spec = PreprocessingSpec.forTarget("species").withSplit(SplitFractions.DEFAULT, 7);
        Project project = Project.newFor(IrisBundles.IRIS, "species").withSpec(spec)
                .withRun(new Run("run-1", Instant.now(), "COMPLETED", List.of(), iris.testMetrics(), iris.file(), ""));
        onFx(() -> session.newProject(project));
        assertThat(model.latestRunAvailableProperty().get()).isTrue();

        onFx(model::evaluateLatestRun);
        waitUntil(() -> model.result() != null);

        assertThat(model.modelDescriptionProperty().get()).startsWith("iris — run-1: ").contains("predicts species");
        assertThat(model.result().description()).startsWith("the test split of iris.csv");
        assertThat(model.result().report()).isEqualTo(iris.testMetrics());
        assertThat(model.metrics().get(0).value()).isEqualTo(iris.testMetrics().classification().accuracy());
        assertThat(model.classMetrics()).extracting(m -> m.className())
                .containsExactly("setosa", "versicolor", "virginica");
        assertThat(model.inputKindProperty().get()).isEqualTo(EvaluateViewModel.InputKind.TABLE);
        assertThat(model.inputColumns()).extracting(c -> c.name())
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(failures).isEmpty();
    }

    @Test
    void aBundleOpenedAloneWaitsForDataAndSaysSo() throws Exception {
        onFx(() -> model.openBundle(iris.file()));
        waitUntil(() -> model.modelProperty().get() != null);

        assertThat(model.result()).isNull();
        assertThat(model.statusProperty().get()).startsWith("Choose the labelled data to evaluate iris.zip on");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aFileThatIsNotABundleFailsWithAClearMessageAndLeavesTheViewUsable() throws Exception {
        Path notABundle = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        onFx(() -> model.openBundle(notABundle));
        waitUntil(() -> !failures.isEmpty() && !model.busyProperty().get());

        assertThat(failures.get(0)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is not a Neural Workbench model bundle");
        assertThat(model.modelProperty().get()).isNull();
    }

    @Test
    void crossValidationShowsEachFoldAndTheMeanWithItsSpread() throws Exception {
        openIrisAndEvaluate();
        onFx(() -> {
            model.foldsProperty().set(3);
            model.foldEpochsProperty().set(3);
            model.startCrossValidation();
        });
        assertThat(model.isCrossValidating()).isTrue();
        waitUntil(() -> !model.isCrossValidating());

        assertThat(model.foldResults()).extracting(FoldResult::fold).containsExactly(0, 1, 2);
        assertThat(model.foldResults()).allSatisfy(fold -> assertThat(fold.heldOutRows()).isEqualTo(50));
        assertThat(model.crossValidationSummaryProperty().get()).matches(
                "accuracy 0\\.\\d{4} ± 0\\.\\d{4} {4}macro_f1 0\\.\\d{4} ± 0\\.\\d{4} +\\(mean ± standard deviation"
                        + " over 3 folds\\)");
        assertThat(failures).isEmpty();
    }

    @Test
    void cancellingCrossValidationStopsItAndSaysHowFarItGot() throws Exception {
        openIrisAndEvaluate();
        onFx(() -> {
            model.foldsProperty().set(5);
            model.foldEpochsProperty().set(5000);
            model.startCrossValidation();
        });
        waitUntil(() -> model.crossValidationProgressProperty().get() > 0);

        onFx(model::cancelCrossValidation);
        waitUntil(() -> !model.isCrossValidating());

        assertThat(model.crossValidationSummaryProperty().get())
                .matches("Cross-validation cancelled after [0-4] of 5 folds\\.");
        assertThat(model.foldResults()).hasSizeLessThan(5);
    }
}
