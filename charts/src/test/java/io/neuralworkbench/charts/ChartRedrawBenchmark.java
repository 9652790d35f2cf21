package io.neuralworkbench.charts;

import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Issue 6 benchmark (b): how long the training-curves chart takes to redraw a frame while a series holds
 * 1,000,000 points and keeps growing. Prints figures; asserts nothing (machines are noisy).
 *
 * <p>Two set-ups, side by side in one run: the app's own path (a {@link TrainingEventBuffer} with its default
 * capacity, which folds older batches together, so a million batches reach the chart as at most 20,000
 * points) and the raw path (a buffer as large as the series, so ChartFX gets all 1,000,000 points and must
 * reduce them itself). Each frame appends 200 batches, as a fast run does between two frames.
 *
 * <p>Two figures per set-up, from real pulses while the chart is shown and updated every frame: the redraw on
 * the FX thread (the chart pulling from the buffer, CSS, layout, ChartFX drawing its canvas), median and 95th
 * percentile; and the interval between pulses, which also holds the render thread's painting (60 fps is
 * 16.7 ms).
 *
 * <p>Run: {@code mvn -B -o -q -Pcharts-bench -pl charts -am test -DskipTests} (headless Monocle, software
 * rendering, as the UI tests; pass {@code -Dchart.bench.points=N} for another size).
 */
public final class ChartRedrawBenchmark {
    private static final int BATCHES_PER_FRAME = 200;
    private static final int WARM_UP_FRAMES = 30;
    private static final int MEASURED_FRAMES = 120;
    private static final int BATCHES_PER_EPOCH = 10_000;

    private ChartRedrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        headlessUnlessToldOtherwise();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);

        System.out.printf(Locale.ROOT, "Chart redraw with %,d points in the per-batch series (+%d per frame), "
                + "chart 1200x700, %s pipeline%n", points, BATCHES_PER_FRAME, System.getProperty("prism.order", "default"));
        System.out.println("set-up                              | points drawn | redraw median | redraw p95 | pulse "
                + "interval median | p95");
        for (int round = 0; round < 2; round++) {
            report("app buffer (default capacity)", TrainingEventBuffer.DEFAULT_ITERATION_CAPACITY, points);
            report("raw series (every point kept)", points + (WARM_UP_FRAMES + MEASURED_FRAMES) * BATCHES_PER_FRAME * 2,
                    points);
        }
        Platform.exit();
    }

    private static void headlessUnlessToldOtherwise() {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
    }

    private static void report(String setUp, int capacity, int points) throws Exception {
        TrainingEventBuffer buffer = new TrainingEventBuffer(capacity);
        SyntheticRun run = new SyntheticRun(buffer);
        run.advance(points);
        Stage[] stage = new Stage[1];
        TrainingCurvesChart chart = onFx(() -> {
            TrainingCurvesChart curves = new TrainingCurvesChart();
            curves.addRun("run", buffer);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new StackPane(curves), 1200, 700));
            stage[0].show();
            return curves;
        });
        Frames frames = measureFrames(chart.getScene(), run);
        int drawn = onFx(() -> chart.dataSet("run", TrainingCurvesChart.Curve.BATCH_LOSS).getDataCount());
        onFx(() -> {
            stage[0].close();
            return null;
        });
        System.out.printf(Locale.ROOT, "%-35s | %,12d | %10.2f ms | %7.2f ms | %18.2f ms | %.2f ms%n", setUp, drawn,
                percentile(frames.redraws, 0.5), percentile(frames.redraws, 0.95), percentile(frames.intervals, 0.5),
                percentile(frames.intervals, 0.95));
    }

    private record Frames(double[] redraws, double[] intervals) {
    }

    /**
     * Appends a frame's batches at the start of each pulse (animation timers run first) and stops the clock in
     * a post-layout listener registered after the chart's own, once ChartFX has drawn its canvas: the FX
     * thread's share of a frame. The interval between pulses adds what the render thread needs to paint.
     */
    private static Frames measureFrames(Scene scene, SyntheticRun run) throws Exception {
        int frames = WARM_UP_FRAMES + MEASURED_FRAMES;
        long[] pulseStart = new long[frames + 1];
        long[] layoutEnd = new long[frames + 1];
        int[] frame = {-1};
        CountDownLatch done = new CountDownLatch(1);
        Runnable afterLayout = () -> {
            if (frame[0] >= 0 && frame[0] <= frames && layoutEnd[frame[0]] == 0) {
                layoutEnd[frame[0]] = System.nanoTime();
            }
        };
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (frame[0] == frames) {
                    stop();
                    scene.removePostLayoutPulseListener(afterLayout);
                    done.countDown();
                    return;
                }
                frame[0]++;
                pulseStart[frame[0]] = System.nanoTime();
                run.advance(BATCHES_PER_FRAME);
            }
        };
        onFx(() -> {
            scene.addPostLayoutPulseListener(afterLayout);
            timer.start();
            return null;
        });
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the FX thread did not deliver " + frames + " frames in 5 minutes");
        }
        double[] redraws = new double[MEASURED_FRAMES];
        double[] intervals = new double[MEASURED_FRAMES];
        for (int i = 0; i < MEASURED_FRAMES; i++) {
            int at = WARM_UP_FRAMES + i;
            redraws[i] = (layoutEnd[at] - pulseStart[at]) / 1e6;
            intervals[i] = (pulseStart[at + 1] - pulseStart[at]) / 1e6;
        }
        return new Frames(redraws, intervals);
    }

    private static double percentile(double[] values, double share) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(share * sorted.length))];
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    /** A noisy, slowly falling loss with an epoch event every 10,000 batches; thread-safe through the buffer. */
    private static final class SyntheticRun {
        private final TrainingEventBuffer buffer;
        private final Random random = new Random(42);
        private long iteration;

        SyntheticRun(TrainingEventBuffer buffer) {
            this.buffer = buffer;
        }

        synchronized void advance(int batches) {
            for (int i = 0; i < batches; i++) {
                double loss = 2.0 / (1 + iteration / 5_000.0) + 0.1 * random.nextGaussian() * random.nextDouble();
                buffer.onIteration(new IterationEvent((int) (iteration / BATCHES_PER_EPOCH), iteration,
                        Math.abs(loss), 0));
                iteration++;
                if (iteration % BATCHES_PER_EPOCH == 0) {
                    int epoch = (int) (iteration / BATCHES_PER_EPOCH) - 1;
                    double trainLoss = 2.0 / (1 + iteration / 5_000.0);
                    buffer.onEpoch(new EpochEvent(epoch, 1000, trainLoss, 1 - trainLoss / 3, trainLoss * 1.1,
                            1 - trainLoss / 2.8, 1e-3, 10_000, epoch, 0));
                }
            }
        }
    }
}
