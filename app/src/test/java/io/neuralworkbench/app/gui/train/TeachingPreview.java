package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.app.gui.FileDialogs;
import io.neuralworkbench.app.gui.MainWindow;
import io.neuralworkbench.app.samples.SampleProject;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.tasks.TaskCenter;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The real window training the two-spirals sample with its decision boundary on screen, for screenshots
 * (docs/decision-boundary.png). Run under Xvfb, take the screenshot with {@code import -window root}, then end it:
 * <pre>
 * mvn -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/app-cp.txt
 * xvfb-run -a -s "-screen 0 1280x860x24" java -cp app/target/test-classes:app/target/classes:$(cat /tmp/app-cp.txt) \
 *     io.neuralworkbench.app.gui.train.TeachingPreview [--presentation]
 * </pre>
 * Slow motion (20 ms a batch) keeps the run going long enough to catch the boundary mid-way.
 */
public final class TeachingPreview {
    private TeachingPreview() {
    }

    /** The main class may not be an Application itself when JavaFX is on the class path, not the module path. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            TeachingPreview.start(stage, getParameters().getRaw().contains("--presentation"));
        }
    }

    static void start(Stage stage, boolean presentation) throws Exception {
        Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/teaching-preview");
        preferences.clear();
        Path folder = Files.createTempDirectory("teaching-preview");
        Settings settings = new Settings(preferences);
        settings.projectFolderProperty().set(folder);
        settings.presentationModeProperty().set(presentation);
        ProjectSession session = new ProjectSession(preferences, folder.resolve("autosave"));
        FileDialogs none = new FileDialogs() {
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
        MainWindow window = new MainWindow(stage, settings, session, new TaskCenter(2), none);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(860);
        stage.show();
        session.projectProperty().addListener((o, old, project) -> {
            if (project != null) {
                // after the window has shown the opened project (it selects the Data tab)
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1));
                later.setOnFinished(e -> train(stage));
                later.play();
            }
        });
        window.openSample(SampleProject.TWO_SPIRALS);
    }

    private static void train(Stage stage) {
        {
            TabPane workflow = (TabPane) stage.getScene().lookup("#workflow");
            workflow.getSelectionModel().select(2);
            TrainView train = (TrainView) stage.getScene().lookup("#trainView");
            train.model().batchDelayMillisProperty().set(20);
            train.model().planeDataProperty().addListener((p, was, plane) -> {
                TabPane tabs = (TabPane) stage.getScene().lookup("#trainTabs");
                tabs.getTabs().stream().filter(tab -> "boundaryTab".equals(tab.getId())).findFirst()
                        .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            });
            train.model().start();
        }
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
