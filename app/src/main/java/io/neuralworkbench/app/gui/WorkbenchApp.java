package io.neuralworkbench.app.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.samples.SampleProject;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.tasks.TaskCenter;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.stage.Stage;

/**
 * The JavaFX application. Named parameters: {@code --project=FILE} opens a project (or data file);
 * {@code --sample=iris} opens a fresh copy of a sample project; with neither, the welcome screen shows.
 * The window is shown before anything slow loads: ND4J starts in a background task.
 */
public final class WorkbenchApp extends Application {
    static final String PROJECT_PARAMETER = "project";
    static final String SAMPLE_PARAMETER = "sample";
    private static final String PREFERENCES_NODE = "io/neuralworkbench/app";

    private static volatile HostServices hostServices;
    private static volatile Consumer<MainWindow> shown = window -> { };
    private TaskCenter tasks;

    /** Opens an address (a file's URI) in the desktop's browser; does nothing while no app runs (tests). */
    public static void showDocument(String uri) {
        HostServices services = hostServices;
        if (services != null) {
            services.showDocument(uri);
        }
    }

    /** The folder the app keeps its own files in: autosaves of unsaved projects, extracted samples. */
    public static Path appFolder() {
        return Path.of(System.getProperty("user.home"), ".neuralworkbench");
    }

    @Override
    public void start(Stage stage) {
        hostServices = getHostServices();
        Preferences preferences = Preferences.userRoot().node(PREFERENCES_NODE);
        Settings settings = new Settings(preferences);
        ProjectSession session = new ProjectSession(preferences, appFolder().resolve("autosave"));
        tasks = new TaskCenter(settings.workerThreadsProperty().get());
        settings.workerThreadsProperty().addListener((o, old, now) -> tasks.setWorkerThreads(now.intValue()));
        MainWindow window = new MainWindow(stage, settings, session, tasks, FileDialogs.platform(settings));
        stage.show();
        window.loadBackendReport();
        Map<String, String> parameters = getParameters().getNamed();
        String project = parameters.get(PROJECT_PARAMETER);
        String sample = parameters.get(SAMPLE_PARAMETER);
        if (project != null) {
            window.open(Path.of(project));
        } else if (sample != null) {
            window.openSample(SampleProject.withId(sample));
        }
        shown.accept(window);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }

    /** Starts the app and returns when its window closes. */
    public static void launch(Path project, SampleProject sample) {
        List<String> parameters = new ArrayList<>();
        if (project != null) {
            parameters.add("--" + PROJECT_PARAMETER + "=" + project.toAbsolutePath());
        } else if (sample != null) {
            parameters.add("--" + SAMPLE_PARAMETER + "=" + sample.id());
        }
        Application.launch(WorkbenchApp.class, parameters.toArray(String[]::new));
    }

    /** For the launch benchmark: told on the JavaFX thread once the window is showing. */
    static void whenShown(Consumer<MainWindow> listener) {
        shown = listener;
    }
}
