package io.neuralworkbench.app.gui;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Times the start of the real app, as {@code workbench gui} starts it (welcome screen, user's settings): from
 * the JVM's start and from {@code main} until the window is shown and until the first pulse after that has laid
 * it out and drawn it (the window answers input from then on), then until the compute backend, loaded in the
 * background, is ready. Prints one line per figure and ends the app. Goal: interactive in under 3 s.
 *
 * <p>Run under a display, e.g. {@code xvfb-run -a java -cp … io.neuralworkbench.app.gui.LaunchBenchmark}; add
 * {@code -Xlog:class+load:file=classes.txt:uptime} to check that no ND4J or PyTorch class loads before the window
 * shows.
 */
public final class LaunchBenchmark {
    private static final long BACKEND_TIMEOUT_MS = 120_000;

    private LaunchBenchmark() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainStart = System.currentTimeMillis();
        WorkbenchApp.whenShown(window -> {
            long shown = System.currentTimeMillis();
            report("window shown", shown, jvmStart, mainStart);
            window.stage().getScene().addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    window.stage().getScene().removePostLayoutPulseListener(this);
                    report("first pulse after showing (interactive)", System.currentTimeMillis(), jvmStart, mainStart);
                    waitForBackend(window, jvmStart, mainStart);
                }
            });
        });
        WorkbenchApp.launch((java.nio.file.Path) null, null);
    }

    private static void waitForBackend(MainWindow window, long jvmStart, long mainStart) {
        window.backendAvailabilityProperty().addListener((o, old, now) -> {
            report("compute backend ready (background)", System.currentTimeMillis(), jvmStart, mainStart);
            Platform.exit();
        });
        PauseTransition giveUp = new PauseTransition(Duration.millis(BACKEND_TIMEOUT_MS));
        giveUp.setOnFinished(e -> {
            System.out.println("compute backend not ready after " + BACKEND_TIMEOUT_MS + " ms");
            Platform.exit();
        });
        giveUp.play();
    }

    /**
     * Also the CPU time the process used so far: on a busy shared machine the wall time mostly measures waiting
     * for a core, while the CPU time shows what a quiet machine would need.
     */
    private static void report(String what, long at, long jvmStart, long mainStart) {
        double cpuSeconds = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        System.out.printf(Locale.ROOT, "%-42s %6d ms from JVM start, %6d ms from main; process CPU %.1f s, "
                        + "load average %.1f%n", what + ":", at - jvmStart, at - mainStart, cpuSeconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
