package io.neuralworkbench.app.tasks;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;

/**
 * Runs long work (reading files, profiling data, training) on worker threads, never on the JavaFX thread, and
 * keeps the list of what runs for the status bar and the task list. Methods are called on the JavaFX thread.
 */
public final class TaskCenter implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final ObservableList<BackgroundTask<?>> running = FXCollections.observableArrayList();
    /**
     * One read-only view, kept: a view made per call listens to the list only weakly, so once the caller drops it
     * the garbage collector takes it and the caller's listeners stop hearing of changes.
     */
    private final ObservableList<BackgroundTask<?>> runningView = FXCollections.unmodifiableObservableList(running);
    private BiConsumer<String, Throwable> failureHandler = (title, problem) -> { };

    public TaskCenter(int workerThreads) {
        executor = new ThreadPoolExecutor(workerThreads, workerThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
    }

    /** The tasks submitted and not yet finished, oldest first. */
    public ObservableList<BackgroundTask<?>> running() {
        return runningView;
    }

    /** How a failure no caller handles is shown (an error dialog); it gets the task's title and the problem. */
    public void setFailureHandler(BiConsumer<String, Throwable> handler) {
        failureHandler = handler;
    }

    public void setWorkerThreads(int threads) {
        if (threads > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(threads);
            executor.setCorePoolSize(threads);
        } else {
            executor.setCorePoolSize(threads);
            executor.setMaximumPoolSize(threads);
        }
    }

    /**
     * Starts work in the background.
     *
     * @param onSuccess gets the result on the JavaFX thread
     */
    public <T> BackgroundTask<T> submit(String title, BackgroundTask.Work<T> work, Consumer<T> onSuccess) {
        if (executor.isShutdown()) {
            throw new IllegalStateException("the task center is closed; \"" + title + "\" cannot start");
        }
        BackgroundTask<T> task = new BackgroundTask<>(title, work);
        running.add(task);
        task.stateProperty().addListener((o, old, state) -> {
            switch (state) {
                case SUCCEEDED -> {
                    running.remove(task);
                    onSuccess.accept(task.getValue());
                }
                case FAILED -> {
                    running.remove(task);
                    failureHandler.accept(title, task.getException());
                }
                case CANCELLED -> running.remove(task);
                default -> { }
            }
        });
        executor.execute(task);
        return task;
    }

    /** Cancels everything that runs (the window closes). */
    public void cancelAll() {
        for (BackgroundTask<?> task : running.toArray(BackgroundTask<?>[]::new)) {
            task.cancel();
        }
    }

    @Override
    public void close() {
        if (Platform.isFxApplicationThread()) {
            cancelAll();
        }
        executor.shutdownNow();
    }

    /** Whether a task has finished one way or another. */
    public static boolean isDone(Worker<?> task) {
        Worker.State state = task.getState();
        return state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            // Daemon threads: a task still running must not keep the JVM alive after the window closed.
            Thread thread = new Thread(work, "workbench-task-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
