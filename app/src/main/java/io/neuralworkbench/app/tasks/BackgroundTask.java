package io.neuralworkbench.app.tasks;

import java.time.Duration;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * A piece of long work run by the {@link TaskCenter}: a {@link Task} with a title, progress, message, an
 * estimate of the time left, and cancellation. The work itself sees only {@link Progress}, so it need not know
 * JavaFX.
 */
public final class BackgroundTask<T> extends Task<T> {
    /** Long work, written without JavaFX; it reports through {@link Progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress<T> progress) throws Exception;
    }

    /** What work reports while it runs; safe to call from the worker thread. */
    public interface Progress<T> {
        /** {@code done} of {@code total} units; a negative total means "unknown". */
        void progress(double done, double total);

        void message(String message);

        /** A first result before the final one (a preview), shown while the work goes on. */
        void partial(T value);

        /** Whether the user cancelled; long loops check this and stop (throwing {@link java.util.concurrent.CancellationException} is fine). */
        boolean isCancelled();
    }

    private final Work<T> work;
    private final ReadOnlyObjectWrapper<Duration> timeLeft = new ReadOnlyObjectWrapper<>(this, "timeLeft");
    private volatile long startNanos;

    BackgroundTask(String title, Work<T> work) {
        this.work = Objects.requireNonNull(work, "work");
        updateTitle(title);
        // The estimate follows the progress, on the JavaFX thread where Task updates it.
        progressProperty().addListener((o, old, now) -> timeLeft.set(estimateTimeLeft(now.doubleValue())));
    }

    /** The estimated time until done, or null while it cannot be told (no progress yet, or unknown total). */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    @Override
    protected T call() throws Exception {
        startNanos = System.nanoTime();
        return work.run(new Progress<>() {
            @Override
            public void progress(double done, double total) {
                updateProgress(done, total);
            }

            @Override
            public void message(String message) {
                updateMessage(message);
            }

            @Override
            public void partial(T value) {
                updateValue(value);
            }

            @Override
            public boolean isCancelled() {
                return BackgroundTask.this.isCancelled();
            }
        });
    }

    private Duration estimateTimeLeft(double fractionDone) {
        if (startNanos == 0 || fractionDone <= 0 || fractionDone > 1) {
            return null;
        }
        long elapsed = System.nanoTime() - startNanos;
        return Duration.ofNanos((long) (elapsed * (1 - fractionDone) / fractionDone));
    }

    /** "12 s left", "3 min left", or "" when unknown. */
    public static String describe(Duration timeLeft) {
        if (timeLeft == null) {
            return "";
        }
        long seconds = Math.max(1, Math.round(timeLeft.toMillis() / 1000.0));
        if (seconds < 90) {
            return seconds + " s left";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 90 ? minutes + " min left" : Math.round(minutes / 60.0) + " h left";
    }
}
