package io.neuralworkbench.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.cli.SampleData;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The window, headless (Monocle), driven with real clicks and keys. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Path TITANIC = Path.of("../shared/datasets/titanic.csv");
    private static final Path PENGUINS = Path.of("../shared/datasets/penguins.csv");

    @TempDir
    static Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/window");
    private final AtomicReference<Path> nextChosenFile = new AtomicReference<>();
    private ProjectSession session;
    private TaskCenter tasks;
    private MainWindow window;

    @Start
    void start(Stage stage) throws BackingStoreException {
        preferences.clear();
        Settings settings = new Settings(preferences);
        session = new ProjectSession(preferences, dir.resolve("autosave"));
        tasks = new TaskCenter(2);
        FileDialogs answers = new FileDialogs() {
            @Override
            public Path chooseProjectToOpen(Window owner) {
                return nextChosenFile.get();
            }

            @Override
            public Path chooseProjectToSave(Window owner, String suggestedName) {
                return nextChosenFile.get();
            }

            @Override
            public Path chooseData(Window owner) {
                return nextChosenFile.get();
            }
        };
        window = new MainWindow(stage, settings, session, tasks, answers);
        stage.show();
        window.openSample(SampleData.iris, dir.resolve("samples"));
    }

    @AfterEach
    void stopTasks() throws BackingStoreException {
        tasks.close();
        preferences.removeNode();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForIris() throws Exception {
        waitUntil(() -> window.dataModel().snapshot() != null && window.dataModel().snapshot().complete());
    }

    @Test
    void theWindowOpensWithTheSampleProject(FxRobot robot) throws Exception {
        waitForIris();

        assertThat(session.project().name()).isEqualTo("iris");
        assertThat(window.stage().getTitle()).contains("iris");
        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        assertThat(preview.getItems()).hasSize(150);
        assertThat(preview.getColumns()).hasSize(5);
        assertThat(robot.lookup("#dataRows").queryAs(Label.class).getText()).isEqualTo("150 rows × 5 columns");
        assertThat(robot.lookup("#workflow").queryAs(javafx.scene.control.TabPane.class).getTabs())
                .extracting(javafx.scene.control.Tab::getText)
                .containsExactly("1  Data", "2  Design", "3  Train", "4  Evaluate", "5  Export");
    }

    @Test
    void theTrainEvaluateAndExportViewsAreBuiltWhenTheirTabIsFirstShown(FxRobot robot) throws Exception {
        waitForIris();
        var tabs = robot.lookup("#workflow").queryAs(javafx.scene.control.TabPane.class).getTabs();
        assertThat(tabs.subList(2, 5)).allSatisfy(tab -> assertThat(tab.getContent()).isNull());

        robot.clickOn("3  Train");
        waitUntil(() -> robot.lookup("#trainView").tryQuery().isPresent());
        robot.clickOn("5  Export");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tabs.get(2).getContent()).isNotNull();
        assertThat(tabs.get(3).getContent()).isNull();
        assertThat(tabs.get(4).getContent()).isNotNull();
        robot.clickOn("3  Train");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trainView").queryAll()).hasSize(1);
    }

    @Test
    void saveAsWritesAProjectFileThatReadsBack(FxRobot robot) throws Exception {
        waitForIris();
        Path file = dir.resolve("saved-" + System.nanoTime() + Project.FILE_EXTENSION);
        nextChosenFile.set(file);

        robot.clickOn("File").clickOn("Save As…");
        waitUntil(() -> Files.exists(file) && !session.isDirty() && file.equals(session.file()));

        assertThat(ProjectFiles.read(file)).isEqualTo(session.project());
        assertThat(window.stage().getTitle()).contains(file.getFileName().toString());
        assertThat(session.recentProjects()).startsWith(file);
    }

    @Test
    void openingACsvShowsThePreviewRowsAndColumnStatistics(FxRobot robot) throws Exception {
        waitForIris();
        nextChosenFile.set(TITANIC);

        robot.clickOn("#openData");
        waitUntil(() -> window.dataModel().snapshot().file().endsWith("titanic.csv")
                && window.dataModel().snapshot().complete());

        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        assertThat(preview.getItems()).hasSize(200);
        assertThat(preview.getColumns().get(0).getText()).isEqualTo("survived");
        @SuppressWarnings("unchecked")
        TableView<ColumnProfile> columns = robot.lookup("#columnTable").queryAs(TableView.class);
        ColumnProfile age = columns.getItems().stream().filter(p -> p.name().equals("age")).findFirst().orElseThrow();
        assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(age.missing()).isEqualTo(177);
        assertThat(age.count() + age.missing()).isEqualTo(891);
        assertThat(session.project().dataFile()).isEqualTo(TITANIC.toAbsolutePath().normalize());
    }

    @Test
    void choosingATargetUpdatesTheProject(FxRobot robot) throws Exception {
        waitForIris();
        assertThat(session.project().data().spec().targetColumn()).isEqualTo("species");

        robot.clickOn("#targetChoice");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match(LabeledMatchers.hasText("sepal_length")).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session.project().data().spec().targetColumn()).isEqualTo("sepal_length");
        assertThat(session.isDirty()).isTrue();
        assertThat(window.stage().getTitle()).startsWith("• iris");
    }

    @Test
    void aBackgroundTaskShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        waitForIris();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<BackgroundTask<Integer>> task = new AtomicReference<>();
        robot.interact(() -> task.set(tasks.submit("Counting", progress -> {
            int step = 0;
            try {
                while (!progress.isCancelled()) {
                    progress.progress(Math.min(++step, 990), 1000);
                    progress.message("step " + step);
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
            return step;
        }, result -> { })));

        ProgressBar bar = robot.lookup("#taskProgress").queryAs(ProgressBar.class);
        try {
            waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> bar.isVisible() && bar.getProgress() > 0.01).get());
        } catch (java.util.concurrent.TimeoutException e) {
            String state = WaitForAsyncUtils.asyncFx(() -> task.get().getState() + " " + task.get().getProgress()
                    + " " + task.get().getException() + " visible=" + bar.isVisible() + " bar=" + bar.getProgress()
                    + " running=" + tasks.running().size()).get();
            throw new AssertionError("the task's progress is not shown: " + state, e);
        }
        assertThat(robot.lookup("#taskTitle").queryAs(Label.class).getText()).startsWith("Counting — step ");
        assertThat(robot.lookup("#taskTimeLeft").queryAs(Label.class).getText()).endsWith("left");

        robot.clickOn("#cancelTask");

        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> tasks.running().isEmpty());
        assertThat(task.get().isCancelled()).isTrue();
        assertThat(bar.isVisible()).isFalse();
    }

    @Test
    void openingAProjectWithANewerAutosaveOffersToRestoreIt(FxRobot robot) throws Exception {
        waitForIris();
        Path file = dir.resolve("crashed-" + System.nanoTime() + Project.FILE_EXTENSION);
        Project saved = session.project();
        ProjectSession.write(saved, file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        ProjectSession.writeAutosave(saved.withName("unsaved work"), ProjectSession.autosaveFileOf(file));

        robot.interact(() -> window.openProject(file));
        waitUntil(() -> robot.lookup("#restoreDialog").tryQuery().isPresent());
        robot.clickOn("Restore");
        waitUntil(() -> file.equals(session.file()));

        assertThat(session.project().name()).isEqualTo("unsaved work");
        assertThat(session.isDirty()).isTrue();
    }

    /** Monocle cannot drive a real drag from outside the window, so this calls the drop handler's action. */
    @Test
    void droppingAFileOpensItWhereItBelongs(FxRobot robot) throws Exception {
        waitForIris();

        robot.interact(() -> window.dropped(PENGUINS));
        waitUntil(() -> window.dataModel().snapshot().file().endsWith("penguins.csv")
                && window.dataModel().snapshot().complete());

        assertThat(session.project().dataFile().getFileName().toString()).isEqualTo("penguins.csv");
        assertThat(robot.lookup("#previewTable").queryAs(TableView.class).getItems()).isNotEmpty();
    }

    @Test
    void droppingAModelBundleOpensItInTheEvaluateTab(FxRobot robot) throws Exception {
        waitForIris();
        Path bundle = io.neuralworkbench.app.gui.evaluate.IrisBundles.irisBundle().file();

        robot.interact(() -> window.dropped(bundle));
        waitUntil(() -> window.evaluateModel().resultProperty().get() != null);

        TabPane workflow = robot.lookup("#workflow").queryAs(TabPane.class);
        assertThat(workflow.getSelectionModel().getSelectedItem().getId()).isEqualTo("evaluateTab");
        assertThat(window.evaluateModel().modelDescriptionProperty().get()).isNotBlank();
        // trained on iris.csv, which the open sample project holds: its test split was evaluated at once
        assertThat(window.evaluateModel().dataFileProperty().get().getFileName().toString()).isEqualTo("iris.csv");
    }
}
