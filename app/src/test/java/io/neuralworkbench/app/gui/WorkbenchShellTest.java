package io.neuralworkbench.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.samples.SampleProject;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench shell, headless (Monocle), driven with real clicks and keys: the welcome screen, the Design tab
 * bound to the project, crash recovery through the autosave, a project's round trip through its file, Settings.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchShellTest {
    @TempDir
    Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/shell");
    private final List<TaskCenter> taskCenters = new ArrayList<>();
    private final List<Stage> extraStages = new ArrayList<>();
    private Stage firstStage;

    /** One window: its session, tasks and settings, sharing this test's preferences and folders. */
    private record Workbench(MainWindow window, ProjectSession session, Settings settings) {
    }

    @Start
    void start(Stage stage) throws BackingStoreException {
        preferences.clear();
        firstStage = stage;
    }

    /** Windows left showing would answer later tests' lookups (TestFX searches every window that shows). */
    @AfterEach
    void closeWindowsAndStopTasks() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> extraStages.forEach(Stage::hide)).get();
        taskCenters.forEach(TaskCenter::close);
        preferences.removeNode();
    }

    /** A window on {@code stage}, as the app builds it, with file choosers that answer {@code chosen}. */
    private Workbench open(FxRobot robot, Stage stage, Path chosen) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Settings settings = new Settings(preferences);
            settings.projectFolderProperty().set(dir.resolve("projects"));
            ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
            TaskCenter tasks = new TaskCenter(2);
            taskCenters.add(tasks);
            MainWindow window = new MainWindow(stage, settings, session, tasks, answering(chosen));
            stage.show();
            return new Workbench(window, session, settings);
        }).get();
    }

    private Workbench openFirst(FxRobot robot) throws Exception {
        return open(robot, firstStage, null);
    }

    /** A second window, as after a restart of the app. */
    private Workbench openAnother(FxRobot robot) throws Exception {
        Stage stage = onFx(() -> new Stage());
        extraStages.add(stage);
        return open(robot, stage, null);
    }

    private static FileDialogs answering(Path chosen) {
        return new FileDialogs() {
            @Override
            public Path chooseProjectToOpen(Window owner) {
                return chosen;
            }

            @Override
            public Path chooseProjectToSave(Window owner, String suggestedName) {
                return chosen;
            }

            @Override
            public Path chooseData(Window owner) {
                return chosen;
            }
        };
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** Opens a sample from the welcome screen's card and waits until the designer shows its network. */
    private static void openSampleAndDesign(FxRobot robot, Workbench workbench, SampleProject sample) throws Exception {
        robot.clickOn("#sample-" + sample.id());
        waitUntil(() -> workbench.session().project() != null);
        robot.clickOn("2  Design");
        waitUntil(() -> workbench.window().designView().model().isPresent()
                && robot.lookup("#card-output").tryQuery().isPresent());
    }

    private static DesignerModel designer(Workbench workbench) {
        return workbench.window().designView().model().orElseThrow();
    }

    private static void setUnits(FxRobot robot, String node, int units) {
        robot.clickOn("#card-" + node);
        robot.clickOn("#setting-units");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(String.valueOf(units)).type(KeyCode.ENTER);
    }

    @Test
    @Tag("slow")
    void withoutAProjectTheWelcomeScreenOffersTheSamplesAndASampleOpensAsAFreshCopy(FxRobot robot)
            throws Exception {
        Workbench workbench = openFirst(robot);

        assertThat(robot.lookup("#welcome").tryQuery()).isPresent();
        for (SampleProject sample : SampleProject.values()) {
            assertThat(robot.lookup("#sample-" + sample.id()).tryQuery()).as(sample.title()).isPresent();
        }
        assertThat(robot.lookup("#welcomeNew").tryQuery()).isPresent();
        assertThat(robot.lookup("#welcomeOpen").tryQuery()).isPresent();

        robot.clickOn("#sample-two-spirals");
        waitUntil(() -> workbench.session().project() != null);

        Path copy = dir.resolve("projects/two-spirals/two-spirals.nwproj");
        assertThat(workbench.session().file()).isEqualTo(copy);
        assertThat(Files.readAllLines(copy.resolveSibling("two-spirals.csv"))).hasSize(501);
        assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
        assertThat(robot.lookup("#workflow").tryQuery()).isPresent();
        assertThat(workbench.session().recentProjects()).containsExactly(copy);

        robot.interact(() -> workbench.session().closeProject());
        robot.clickOn("#sample-two-spirals");
        waitUntil(() -> workbench.session().project() != null);
        assertThat(workbench.session().file()).as("the first copy is left as it was")
                .isEqualTo(dir.resolve("projects/two-spirals-2/two-spirals.nwproj"));
    }

    @Test
    @Tag("slow")
    void theDesignTabShowsTheIrisNetworkSizedToItsDataAndUndoLeavesNothingUnsaved(FxRobot robot) throws Exception {
        Workbench workbench = openFirst(robot);
        openSampleAndDesign(robot, workbench, SampleProject.IRIS);

        DesignerModel model = designer(workbench);
        assertThat(onFx(() -> model.state().node("input").layer())).isEqualTo(new Layer.Input(new Shape.Flat(4)));
        assertThat(onFx(() -> ((Layer.Output) model.state().node("output").layer()).units())).isEqualTo(3);
        assertThat(robot.lookup("#card-dense1").tryQuery()).isPresent();
        assertThat(onFx(() -> workbench.window().designView().noteText())).contains("4 in", "3 classes out");
        assertThat(workbench.session().isDirty()).isFalse();
        assertThat(workbench.session().project().network()).as("no network chosen yet: the template for the data")
                .isNull();

        setUnits(robot, "dense1", 32);
        waitUntil(() -> workbench.session().isDirty());
        assertThat(workbench.session().project().network().node("dense1").orElseThrow().layer())
                .isEqualTo(Layer.Dense.of(32));
        assertThat(workbench.window().stage().getTitle()).startsWith("• ");

        robot.clickOn("2  Design"); // the focus on the tab, not inside the designer: the Edit menu's Ctrl+Z undoes
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> !workbench.session().isDirty());

        assertThat(workbench.session().project().network()).isNull();
        assertThat(onFx(() -> model.state().node("dense1").layer())).isEqualTo(Layer.Dense.of(64));
        assertThat(workbench.window().stage().getTitle()).doesNotStartWith("• ");

        robot.clickOn("1  Data"); // another tab: Ctrl+Z there is not the designer's
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.session().isDirty()).isFalse();
    }

    @Test
    void aNetworkMadeForOtherDataIsSizedToTheDataAsOneUndoableEdit(FxRobot robot) throws Exception {
        Path folder = dir.resolve("other");
        Path file = SampleProject.IRIS.extractTo(folder);
        Project project = ProjectFiles.read(file);
        ProjectFiles.write(project.withNetwork(Templates.mlpClassifier(10, 5)), file);
        Workbench workbench = openFirst(robot);

        robot.interact(() -> workbench.window().openProject(file));
        waitUntil(() -> workbench.session().project() != null);
        robot.clickOn("2  Design");
        waitUntil(() -> workbench.session().isDirty());

        DesignerModel model = designer(workbench);
        assertThat(workbench.session().project().network().node("input").orElseThrow().layer())
                .isEqualTo(new Layer.Input(new Shape.Flat(4)));
        assertThat(((Layer.Output) workbench.session().project().network().node("output").orElseThrow().layer())
                .units()).isEqualTo(3);
        assertThat(onFx(() -> workbench.window().designView().noteText())).startsWith("Sized to the data");
        assertThat(onFx(model::undoDescription)).contains("size the network to the data");
        assertThat(onFx(() -> model.analysis().problems())).isEmpty();

        robot.clickOn("↶ Undo");
        waitUntil(() -> !workbench.session().isDirty());
        assertThat(workbench.session().project().network()).isEqualTo(Templates.mlpClassifier(10, 5));
    }

    @Test
    @Tag("slow")
    void anAutosavedEditIsOfferedAfterACrashAndRestored(FxRobot robot) throws Exception {
        Workbench before = openFirst(robot);
        openSampleAndDesign(robot, before, SampleProject.IRIS);
        Path file = before.session().file();
        setUnits(robot, "dense1", 24);
        waitUntil(() -> before.session().isDirty());
        Path autosave = before.session().autosaveFile();

        robot.interact(() -> before.window().autosaveNow());
        waitUntil(() -> Files.exists(autosave));
        Project autosaved = ProjectFiles.read(autosave);
        assertThat(autosaved.network().node("dense1").orElseThrow().layer()).isEqualTo(Layer.Dense.of(24));
        assertThat(ProjectFiles.read(file).network()).as("the project file itself is untouched").isNull();
        robot.interact(() -> before.window().stage().hide()); // the app ends without saving

        Workbench after = openAnother(robot);
        robot.interact(() -> after.window().openProject(file));
        waitUntil(() -> robot.lookup("#restoreDialog").tryQuery().isPresent());
        robot.clickOn("Restore");
        waitUntil(() -> file.equals(after.session().file()));

        assertThat(after.session().project()).isEqualTo(autosaved);
        assertThat(after.session().isDirty()).isTrue();
        robot.clickOn("2  Design");
        waitUntil(() -> after.window().designView().model().isPresent()
                && robot.lookup("#params-dense1").tryQuery().isPresent());
        assertThat(onFx(() -> designer(after).state().node("dense1").layer())).isEqualTo(Layer.Dense.of(24));
        assertThat(robot.lookup("#params-dense1").queryAs(Label.class).getText()).isEqualTo("120 parameters");
    }

    @Test
    @Tag("slow")
    void aSavedProjectReopensEqualWithItsNodeNamesAndPositions(FxRobot robot) throws Exception {
        Workbench before = openFirst(robot);
        openSampleAndDesign(robot, before, SampleProject.IRIS);
        robot.clickOn("#card-dense2");
        TextField name = robot.lookup("#setting-name").queryAs(TextField.class);
        robot.clickOn(name);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("narrow").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#card-narrow").tryQuery().isPresent());
        robot.drag("#card-narrow").dropBy(160, 20);
        waitUntil(() -> before.session().project().layout().containsKey("narrow"));
        NodeLayout moved = onFx(() -> designer(before).state().positionOf("narrow"));

        robot.clickOn("#saveButton");
        waitUntil(() -> !before.session().isDirty());
        Project saved = before.session().project();
        Path file = before.session().file();
        robot.interact(() -> before.window().stage().hide());

        Workbench after = openAnother(robot);
        robot.interact(() -> after.window().openProject(file));
        waitUntil(() -> after.session().project() != null);
        robot.clickOn("2  Design");
        waitUntil(() -> after.window().designView().model().isPresent()
                && robot.lookup("#card-narrow").tryQuery().isPresent());

        assertThat(after.session().project()).isEqualTo(saved);
        assertThat(saved.layout().get("narrow").x()).isEqualTo(moved.x());
        assertThat(onFx(() -> designer(after).state().positionOf("narrow"))).isEqualTo(moved);
        assertThat(onFx(() -> designer(after).network())).isEqualTo(saved.network());
        assertThat(after.session().isDirty()).isFalse();
    }

    @Test
    @Tag("slow")
    void settingsOpenWithShortcutCommaApplyAtOnceAndAreRemembered(FxRobot robot) throws Exception {
        Workbench workbench = openFirst(robot);

        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        robot.clickOn("#themeChoice").clickOn("Dark");
        robot.clickOn("#presentationMode");
        TextField exports = robot.lookup("#exportFolderField").queryAs(TextField.class);
        robot.clickOn(exports);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(dir.resolve("exports").toString()).type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("relative/folder").type(KeyCode.ENTER); // not a whole path: refused, the folder stays
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exports.getTooltip().getText()).startsWith("Not a folder path: give the whole path");

        assertThat(workbench.settings().themeProperty().get()).isEqualTo(Settings.Theme.DARK);
        assertThat(workbench.settings().presentationModeProperty().get()).isTrue();
        assertThat(robot.lookup("#mainWindow").queryParent().getStyle()).contains("20.8px");
        Settings nextStart = new Settings(preferences);
        assertThat(nextStart.themeProperty().get()).isEqualTo(Settings.Theme.DARK);
        assertThat(nextStart.exportFolderProperty().get()).isEqualTo(dir.resolve("exports"));
        assertThat(robot.lookup("#computeAvailability").queryAs(Label.class).getText())
                .isEqualTo("Checking the compute backend…");
        assertThat(robot.lookup("#gpuChoice").query().isDisabled()).isTrue();
    }
}
