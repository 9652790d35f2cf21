package io.neuralworkbench.app.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Progress of a long command, e.g. {@code [#####.....] 45% epoch 3/10  loss 0.4123  1,234 samples/s  ETA 0:42}.
 * On a terminal the line is redrawn in place with {@code \r}; elsewhere (CI logs, redirected output) each
 * update that gets through becomes a line of its own, at most one per second, so logs stay readable.
 * Updates are throttled because training reports after every batch, far faster than anyone can read.
 */
public final class TerminalProgressBar {
    private static final int BAR_WIDTH = 10;
    private static final Duration TERMINAL_REDRAW_INTERVAL = Duration.ofMillis(100);
    private static final Duration LOG_LINE_INTERVAL = Duration.ofSeconds(1);

    private final PrintStream out;
    private final boolean interactive;
    private final Clock clock;
    private Instant lastShown;
    private int lastLineLength;

    /**
     * @param interactive whether {@code out} is a terminal that understands {@code \r}
     * @param clock       decides when the next update may be shown
     */
    public TerminalProgressBar(PrintStream out, boolean interactive, Clock clock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
    }

    /** A progress bar on standard output, redrawn in place when that is a terminal. */
    public static TerminalProgressBar onStandardOutput() {
        return new TerminalProgressBar(System.out, System.console() != null, Clock.systemUTC());
    }

    /**
     * Shows the progress unless the previous update was shown too recently.
     *
     * @param fraction how much is done, from 0 to 1
     * @param message  what is happening, e.g. {@code "epoch 3/10  loss 0.4123"}
     * @param eta      the estimated time left; {@code null} when not known yet
     */
    public synchronized void update(double fraction, String message, Duration eta) {
        Instant now = clock.instant();
        Duration interval = interactive ? TERMINAL_REDRAW_INTERVAL : LOG_LINE_INTERVAL;
        if (lastShown != null && Duration.between(lastShown, now).compareTo(interval) < 0) {
            return;
        }
        lastShown = now;
        show(format(fraction, message, eta));
    }

    /** Shows the completed bar with a closing message, always, and ends the line. */
    public synchronized void finish(String message) {
        show(format(1, message, null));
        if (interactive) {
            out.println();
        }
        out.flush();
    }

    /** Prints a line that stays (e.g. an epoch's summary); on a terminal the bar is redrawn below it later. */
    public synchronized void log(String line) {
        if (interactive) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())) + System.lineSeparator());
            lastLineLength = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String format(double fraction, String message, Duration eta) {
        double done = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(done * BAR_WIDTH);
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + (int) Math.floor(done * 100) + "% " + message;
        return eta == null ? line : line + "  ETA " + formatDuration(eta);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void show(String line) {
        if (interactive) {
            // Pad with spaces so a shorter line fully covers the longer one it replaces.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
            lastLineLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }
}
