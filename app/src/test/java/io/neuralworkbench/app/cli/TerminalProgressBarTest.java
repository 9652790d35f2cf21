package io.neuralworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final SteppingClock clock = new SteppingClock();

    @Test
    void formatsBarPercentMessageAndEta() {
        assertThat(TerminalProgressBar.format(0.45, "epoch 3/10  loss 0.4123  1,234 samples/s", Duration.ofSeconds(42)))
                .isEqualTo("[#####.....] 45% epoch 3/10  loss 0.4123  1,234 samples/s  ETA 0:42");
        assertThat(TerminalProgressBar.format(0, "starting", null)).isEqualTo("[..........] 0% starting");
        assertThat(TerminalProgressBar.format(1.7, "done", null)).isEqualTo("[##########] 100% done");
        assertThat(TerminalProgressBar.format(0.999, "almost", null)).startsWith("[##########] 99% ");
    }

    @Test
    void formatsEtaAsMinutesOrHours() {
        assertThat(TerminalProgressBar.formatDuration(Duration.ofSeconds(5))).isEqualTo("0:05");
        assertThat(TerminalProgressBar.formatDuration(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59:59");
        assertThat(TerminalProgressBar.formatDuration(Duration.ofHours(2).plusMinutes(3).plusSeconds(4))).isEqualTo("2:03:04");
    }

    @Test
    void onATerminalRedrawsOneLineAndCoversLongerPreviousText() {
        TerminalProgressBar bar = new TerminalProgressBar(out, true, clock);

        bar.update(0.5, "epoch 1/2  loss 0.5000", null);
        clock.advance(Duration.ofMillis(150));
        bar.update(0.6, "epoch 2/2", null);
        bar.finish("trained");

        assertThat(output()).isEqualTo(
                "\r[#####.....] 50% epoch 1/2  loss 0.5000"
                + "\r[######....] 60% epoch 2/2             "
                + "\r[##########] 100% trained " + System.lineSeparator());
    }

    @Test
    void onATerminalSkipsRedrawsFasterThanTheEyeCanFollow() {
        TerminalProgressBar bar = new TerminalProgressBar(out, true, clock);

        bar.update(0.1, "batch 1", null);
        clock.advance(Duration.ofMillis(50));
        bar.update(0.2, "batch 2", null);

        assertThat(output()).isEqualTo("\r[#.........] 10% batch 1");
    }

    @Test
    void inLogsWritesPlainLinesAtMostOncePerSecond() {
        TerminalProgressBar bar = new TerminalProgressBar(out, false, clock);

        bar.update(0.1, "epoch 1/10", Duration.ofSeconds(90));
        clock.advance(Duration.ofMillis(400));
        bar.update(0.2, "epoch 2/10", Duration.ofSeconds(80));
        clock.advance(Duration.ofMillis(600));
        bar.update(0.3, "epoch 3/10", Duration.ofSeconds(70));
        bar.finish("10 epochs in 1:40");

        String nl = System.lineSeparator();
        assertThat(output()).isEqualTo(
                "[#.........] 10% epoch 1/10  ETA 1:30" + nl
                + "[###.......] 30% epoch 3/10  ETA 1:10" + nl
                + "[##########] 100% 10 epochs in 1:40" + nl);
        assertThat(output()).doesNotContain("\r");
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A clock that only moves when the test says so. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed by the progress bar");
        }
    }
}
