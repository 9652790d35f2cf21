package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.app.tasks.TaskCenter;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The app's {@link TaskCenter} as the view model's {@link TrainViewModel.Background}: the work shows in the status
 * bar like every task, and its failure goes to the view model (which says what failed) rather than to the task
 * center's general error dialog, so a failure is shown once.
 */
final class TaskCenterBackground implements TrainViewModel.Background {
    private final TaskCenter tasks;

    TaskCenterBackground(TaskCenter tasks) {
        this.tasks = tasks;
    }

    /** A result or the problem that prevented it. */
    private record Outcome<T>(T value, Throwable problem) {
    }

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        tasks.<Outcome<T>>submit(title, progress -> {
            try {
                return new Outcome<>(work.call(), null);
            } catch (Exception | LinkageError e) {
                return new Outcome<>(null, e);
            }
        }, outcome -> {
            if (outcome.problem() == null) {
                onSuccess.accept(outcome.value());
            } else {
                onFailure.accept(outcome.problem());
            }
        });
    }
}
