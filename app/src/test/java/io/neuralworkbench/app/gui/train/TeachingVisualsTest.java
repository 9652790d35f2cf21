package io.neuralworkbench.app.gui.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.gui.FileDialogs;
import io.neuralworkbench.app.gui.MainWindow;
import io.neuralworkbench.app.gui.train.TrainViewModel.Phase;
import io.neuralworkbench.app.samples.SampleProject;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.charts.DecisionBoundaryView;
import io.neuralworkbench.charts.TrainingEventBuffer;
import io.neuralworkbench.engine.training.SessionState;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
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
 * The teaching visuals in the real window, headless (Monocle): the two-spirals sample trained epoch by epoch with
 * the Step button, its decision boundary redrawn after each epoch, the layers' histograms filling.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class TeachingVisualsTest {
    @TempDir
    static Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/teaching");
    private ProjectSession session;
    private TaskCenter tasks;
    private Settings settings;

    @Start
    void start(Stage stage) throws BackingStoreException {
        preferences.clear();
        settings = new Settings(preferences);
        settings.projectFolderProperty().set(dir.resolve("projects"));
        session = new ProjectSession(preferences, dir.resolve("autosave"));
        tasks = new TaskCenter(2);
        FileDialogs noDialogs = new FileDialogs() {
            @Override
            public Path chooseProjectToOpen(Window owner) {
                return null;
            }

            @Override
            public Path chooseProjectToSave(Window owner, String suggestedName) {
                return null;
            }

            @Override
            public Path chooseData(Window owner) {
                return null;
            }
        };
        MainWindow window = new MainWindow(stage, settings, session, tasks, noDialogs);
        stage.show();
        window.openSample(SampleProject.TWO_SPIRALS);
    }

    @AfterEach
    void stopTasks() throws BackingStoreException {
        tasks.close();
        preferences.removeNode();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The boundary image once the view has taken in the last prediction (none arrives while paused). */
    private static Image settledImage(DecisionBoundaryView view, Image before) throws Exception {
        waitUntil(() -> view.boundaryImage() != null && view.boundaryImage() != before);
        Image image;
        do {
            image = view.boundaryImage();
            Thread.sleep(600); // longer than the view's frame and its painting of a 120 × 120 grid
            WaitForAsyncUtils.waitForFxEvents();
        } while (view.boundaryImage() != image);
        return image;
    }

    @Test
    void stepTrainsOneEpochPerClickAndTheBoundaryChangesBetweenEpochs(FxRobot robot) throws Exception {
        waitUntil(() -> session.project() != null);
        robot.clickOn("3  Train");
        TrainView view = robot.lookup("#trainView").queryAs(TrainView.class);
        TrainViewModel model = view.model();

        robot.clickOn("#stepTraining");
        waitUntil(() -> model.phaseProperty().get() == Phase.PAUSED
                && model.sessionStateProperty().get() == SessionState.PAUSED);
        TrainingEventBuffer live = model.liveBufferProperty().get();
        long batchesPerEpoch = live.snapshot().totalIterations();
        assertThat(live.snapshot().newEpochs()).hasSize(1);
        assertThat(batchesPerEpoch).isPositive();

        // Two features, two classes: the boundary gets its tab, with the training points on it.
        robot.clickOn("Decision boundary");
        DecisionBoundaryView boundary = view.decisionBoundary();
        assertThat(boundary.isVisible()).isTrue();
        Image afterEpoch1 = settledImage(boundary, null);

        robot.clickOn("#stepTraining");
        waitUntil(() -> live.snapshot().newEpochs().size() == 2
                && model.sessionStateProperty().get() == SessionState.PAUSED);
        Image afterEpoch2 = settledImage(boundary, afterEpoch1);
        Thread.sleep(500); // a run that did not pause would go on training meanwhile
        assertThat(live.snapshot().newEpochs()).hasSize(2);
        assertThat(live.snapshot().totalIterations()).isEqualTo(2 * batchesPerEpoch);

        int changed = differingPixels(afterEpoch1, afterEpoch2);
        assertThat(changed).as("pixels of the %s × %s boundary that changed in epoch 2", afterEpoch2.getWidth(),
                afterEpoch2.getHeight()).isGreaterThan((int) (afterEpoch2.getWidth() * afterEpoch2.getHeight() / 20));

        // Inside the network: a weight and an activation strip per layer, one column per stepped epoch.
        robot.clickOn("Inside the network");
        waitUntil(() -> view.layerHistograms().epochsShown() == 2);
        assertThat(view.layerHistograms().stripNames()).contains("hidden1 · weights", "hidden2 · weights",
                "hidden1 · activations", "output · activations");
        assertThat(view.convolutionFilters().shownFilters()).as("an MLP has no convolution filters").isNull();

        // The validation confusion matrix, recounted after the second stepped epoch.
        robot.clickOn("Confusion matrix");
        waitUntil(() -> robot.lookup("#liveConfusionCaption").queryLabeled().getText()
                .startsWith("Validation split after epoch 2"));
        assertThat(robot.lookup("#liveConfusion").queryAs(io.neuralworkbench.charts.ConfusionMatrixView.class)
                .cellText(0, 0)).isNotBlank();

        // Presentation mode (F11) reaches the charts drawn on a canvas.
        robot.push(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.presentationModeProperty().get()).isTrue();
        assertThat(boundary.isPresentationMode()).isTrue();
        assertThat(view.layerHistograms().isPresentationMode()).isTrue();

        robot.clickOn("#stopTraining");
        waitUntil(() -> model.phaseProperty().get() == Phase.IDLE);
        assertThat(session.project().runs().get(0).history()).hasSize(2);
        assertThat(robot.lookup("#trainTabs").queryAs(TabPane.class).getTabs())
                .extracting(tab -> tab.getText()).contains("Decision boundary");
    }

    private static int differingPixels(Image a, Image b) {
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (!a.getPixelReader().getColor(x, y).equals(b.getPixelReader().getColor(x, y))) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
