package io.neuralworkbench.app.gui;

import java.util.Locale;

import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.backend.BackendReport;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The window's bottom line: compute backend and device, memory in use, and the running tasks. */
final class StatusBar extends HBox {
    private final Label backend = new Label("Backend: loading…");
    private final Label memory = new Label();
    private final Label taskTitle = new Label();
    private final ProgressBar taskProgress = new ProgressBar();
    private final Label taskTimeLeft = new Label();
    private final Button cancel = new Button("Cancel");
    private final Label taskCount = new Label();
    private final Label training = new Label();
    private final TaskCenter tasks;
    private ObservableValue<Boolean> trainingRuns = new SimpleBooleanProperty(false);
    private BackgroundTask<?> shown;

    StatusBar(TaskCenter tasks) {
        this.tasks = tasks;
        setId("statusBar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        backend.setId("backendStatus");
        memory.setId("memoryStatus");
        taskTitle.setId("taskTitle");
        taskProgress.setId("taskProgress");
        taskTimeLeft.setId("taskTimeLeft");
        cancel.setId("cancelTask");
        taskCount.setId("taskCount");
        training.setId("trainingStatusBar");
        taskProgress.setPrefWidth(140);
        cancel.getStyleClass().add("small");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(backend, new Separator(javafx.geometry.Orientation.VERTICAL), memory, spring,
                training, taskTitle, taskProgress, taskTimeLeft, cancel, taskCount);
        cancel.setOnAction(e -> {
            if (shown != null) {
                shown.cancel();
            }
        });
        tasks.running().addListener((ListChangeListener<BackgroundTask<?>>) change -> showNewestTask());
        showNewestTask();
        updateMemory();
        Timeline memoryTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> updateMemory()));
        memoryTimer.setCycleCount(Timeline.INDEFINITE);
        memoryTimer.play();
    }

    void showBackend(BackendReport report) {
        String device = report.devices().isEmpty() ? "no device" : report.devices().get(0).name();
        String problem = report.backendProblem() == null ? "" : " (not loaded: " + report.backendProblem() + ")";
        backend.setText("Backend: " + report.backend() + problem + " · " + device);
    }

    void showBackendProblem(String problem) {
        backend.setText("Backend: not available (" + problem + ")");
    }

    /**
     * Shows a training run as running work too: it runs on its own thread, not as a background task.
     *
     * @param runs     whether a run is being prepared, trains or is paused
     * @param progress a short line such as "epoch 3 / 12" (changes per epoch, so the bar repaints rarely)
     */
    void followTraining(ObservableValue<Boolean> runs, ObservableValue<String> progress) {
        trainingRuns = runs;
        training.textProperty().bind(Bindings.concat("Training: ", progress));
        training.visibleProperty().bind(runs);
        training.managedProperty().bind(runs);
        runs.addListener((o, old, now) -> showNewestTask());
        showNewestTask();
    }

    private void showNewestTask() {
        var running = tasks.running();
        shown = running.isEmpty() ? null : running.get(running.size() - 1);
        boolean any = shown != null;
        for (var node : new javafx.scene.Node[] {taskTitle, taskProgress, taskTimeLeft, cancel}) {
            node.setVisible(any);
            node.setManaged(any);
        }
        boolean quiet = !any && !Boolean.TRUE.equals(trainingRuns.getValue());
        taskCount.setText(running.size() > 1 ? running.size() + " tasks running" : quiet ? "No tasks running" : "");
        if (any) {
            taskTitle.textProperty().bind(shown.titleProperty().concat(" — ").concat(shown.messageProperty()));
            taskProgress.progressProperty().bind(shown.progressProperty());
            taskTimeLeft.textProperty().bind(Bindings.createStringBinding(
                    () -> BackgroundTask.describe(shown == null ? null : shown.timeLeftProperty().get()),
                    shown.timeLeftProperty()));
        } else {
            taskTitle.textProperty().unbind();
            taskProgress.progressProperty().unbind();
            taskTimeLeft.textProperty().unbind();
        }
    }

    private void updateMemory() {
        Runtime runtime = Runtime.getRuntime();
        double used = (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024);
        double max = runtime.maxMemory() / (1024.0 * 1024);
        memory.setText(String.format(Locale.ROOT, "Memory: %.0f of %.0f MB", used, max));
    }
}
