package io.neuralworkbench.app.bench;

import io.neuralworkbench.app.gui.train.BoundaryFeed;
import io.neuralworkbench.app.gui.train.LayerInsightFeed;
import io.neuralworkbench.app.gui.train.TrainViewModel;
import io.neuralworkbench.app.samples.SampleProject;
import io.neuralworkbench.charts.DecisionBoundaryView;
import io.neuralworkbench.charts.FilterGridView;
import io.neuralworkbench.charts.LayerHistogramsView;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.ModelObserver;
import io.neuralworkbench.engine.training.ModelProbe;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.workflow.ModelTraining;
import io.neuralworkbench.engine.workflow.ProjectTraining;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the live teaching visuals cost training (goal: at most 10 %): the two-spirals sample trained with the
 * decision boundary and the layer histograms live (predicted on the training thread, the boundary painted and
 * shown in a window's selected tab, the histograms in the other tab)
 * against the same run with neither. Prints figures; asserts nothing, a shared machine's speed varies too much.
 *
 * <p>Each round trains both ways, alternating which goes first; a run's time is the wall-clock time of
 * {@code TrainingSession.run()} (everything the observers do on the training thread is inside it).
 *
 * <pre>
 * mvn -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/app-cp.txt
 * java -cp app/target/test-classes:app/target/classes:$(cat /tmp/app-cp.txt) \
 *     io.neuralworkbench.app.bench.DecisionBoundaryBenchmark [--epochs N] [--backend auto|dl4j|pytorch] [--rounds N]
 *     [--only boundary|insight] [--no-window] [--threads (CPU time of each JVM thread at the end)]
 * </pre>
 */
public final class DecisionBoundaryBenchmark {
    /** "boundary" or "insight" to measure one of the two alone; "" for both. */
    private static String only = "";

    private DecisionBoundaryBenchmark() {
    }

    /**
     * @param seconds         wall-clock time of the run
     * @param cpuSeconds      CPU time of the whole process during the run (training, and with the visuals their
     *                        painting and the FX thread too)
     * @param observerSeconds training-thread time spent in the observers: what the visuals add to the training
     *                        itself, whatever else the machine runs
     */
    private record Timed(double seconds, double cpuSeconds, long frames, double observerSeconds) {
    }

    /** Times an observer's calls on the training thread. */
    private static final class TimedObserver implements ModelObserver {
        private final ModelObserver observer;
        private long nanos;

        TimedObserver(ModelObserver observer) {
            this.observer = observer;
        }

        @Override
        public void afterBatch(IterationEvent event, ModelProbe model) {
            long start = System.nanoTime();
            observer.afterBatch(event, model);
            nanos += System.nanoTime() - start;
        }

        @Override
        public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausing) {
            long start = System.nanoTime();
            observer.afterEpoch(event, model, pausing);
            nanos += System.nanoTime() - start;
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int epochs = Integer.parseInt(option(options, "--epochs", "200"));
        String backend = option(options, "--backend", TrainViewModel.AUTO_BACKEND);
        int rounds = Integer.parseInt(option(options, "--rounds", "5"));
        only = option(options, "--only", "");
        if (!options.contains("--window")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Path folder = Files.createTempDirectory("boundary-bench");
        Project project = ProjectFiles.read(SampleProject.TWO_SPIRALS.extractTo(folder));
        project = project.withTraining(project.training().withEpochs(epochs));
        ModelTraining training = ProjectTraining.prepare(project, TrainingBackends.forChoice(backend));

        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Platform.startup(() -> toolkit.complete(null));
        toolkit.get(1, TimeUnit.MINUTES);
        DecisionBoundaryView boundary = new DecisionBoundaryView();
        LayerHistogramsView histograms = new LayerHistogramsView();
        FilterGridView filters = new FilterGridView();
        // As the Train view sets them up (TrainView's constructor).
        boundary.setRedrawInterval(javafx.util.Duration.millis(1000.0 / DecisionBoundaryView.MAX_UPDATES_PER_SECOND));
        histograms.setRedrawInterval(javafx.util.Duration.millis(500));
        filters.setRedrawInterval(javafx.util.Duration.millis(500));
        TrainViewModel.PlaneData plane = planeOf(training);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            boundary.setData(plane.points(), plane.classes(), plane.classNames(), plane.xName(), plane.yName());
            boundary.setPrefSize(600, 600);
            Stage stage = new Stage();
            // As in the Train view: the boundary's tab on screen, the histograms and filters in another tab.
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                    new javafx.scene.control.Tab("Decision boundary", boundary),
                    new javafx.scene.control.Tab("Inside the network", new HBox(histograms, filters)));
            stage.setScene(new Scene(tabs, 1200, 700));
            if (!options.contains("--no-window")) {
                stage.show();
            }
            shown.complete(null);
        });
        shown.get(1, TimeUnit.MINUTES);

        int batches = (training.inputs().train().size() + training.config().batchSize() - 1)
                / training.config().batchSize();
        System.out.printf(Locale.ROOT, "Teaching visuals vs none: two-spirals sample, %d training rows, %d epochs of"
                + " %d batches, backend %s (%s), %d cores%n", training.inputs().train().size(), epochs, batches,
                backend, training.backend().id(), Runtime.getRuntime().availableProcessors());
        run(training, null, null); // warm-up: JIT, ND4J or PyTorch, not counted
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> observerShares = new ArrayList<>();
        List<Double> plainTimes = new ArrayList<>();
        List<Double> liveTimes = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean liveFirst = round % 2 == 0;
            BoundaryFeed feed = new BoundaryFeed(boundary);
            LayerInsightFeed insight = new LayerInsightFeed(histograms, filters);
            Timed first = liveFirst ? run(training, feed, insight) : run(training, null, null);
            Timed second = liveFirst ? run(training, null, null) : run(training, new BoundaryFeed(boundary),
                    new LayerInsightFeed(histograms, filters));
            Timed plain = liveFirst ? second : first;
            Timed live = liveFirst ? first : second;
            plainTimes.add(plain.seconds());
            liveTimes.add(live.seconds());
            ratios.add(live.seconds() / plain.seconds());
            cpuRatios.add(live.cpuSeconds() / plain.cpuSeconds());
            observerShares.add(live.observerSeconds() / (live.seconds() - live.observerSeconds()));
            System.out.printf(Locale.ROOT, "round %d (%s first): without %.2f s (%.2f CPU s), with the visuals %.2f s"
                    + " (%.2f CPU s; %d boundaries; %.3f s in the observers on the training thread = %+.1f %% of its"
                    + " training), by the clock %+.1f %%, by CPU time %+.1f %%%n", round,
                    liveFirst ? "visuals" : "plain", plain.seconds(), plain.cpuSeconds(), live.seconds(),
                    live.cpuSeconds(), live.frames(), live.observerSeconds(), 100 * observerShares.get(round - 1),
                    100 * (live.seconds() / plain.seconds() - 1), 100 * (live.cpuSeconds() / plain.cpuSeconds() - 1));
        }
        if (options.contains("--threads")) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (long id : threads.getAllThreadIds()) {
                var info = threads.getThreadInfo(id);
                long cpu = threads.getThreadCpuTime(id);
                if (info != null && cpu > 200_000_000L) {
                    System.out.printf(Locale.ROOT, "  thread %s: %.2f CPU s%n", info.getThreadName(), cpu / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "median of rounds: training thread in the observers %+.1f %%, by the clock "
                + "%+.1f %%, by process CPU time %+.1f %% (goal at most +10 %%); without %.2f s, with %.2f s%n",
                100 * median(observerShares), 100 * (median(ratios) - 1), 100 * (median(cpuRatios) - 1),
                median(plainTimes), median(liveTimes));
        Platform.exit();
        System.exit(0);
    }

    private static TrainViewModel.PlaneData planeOf(ModelTraining training) {
        ArrayDataset train = (ArrayDataset) training.inputs().train();
        int[] classes = new int[train.size()];
        Arrays.setAll(classes, train::classIndex);
        return new TrainViewModel.PlaneData(train.features(), classes, train.classNames(), "x", "y");
    }

    private static Timed run(ModelTraining training, BoundaryFeed feed, LayerInsightFeed insight) {
        TrainingSession session = training.newSession(null);
        List<TimedObserver> timed = new ArrayList<>();
        if (feed != null) {
            feed.setEnabled(true);
            insight.setProbeRows(Arrays.copyOf(((ArrayDataset) training.inputs().train()).features(), 128));
            if (!only.equals("insight")) {
                timed.add(new TimedObserver(feed));
            }
            if (!only.equals("boundary")) {
                timed.add(new TimedObserver(insight));
            }
            timed.forEach(session::addModelObserver);
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        TrainingResult result = session.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        result.model().close();
        return new Timed(seconds, cpuSeconds, feed == null ? 0 : feed.frames(),
                timed.stream().mapToLong(t -> t.nanos).sum() / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String option(List<String> options, String name, String defaultValue) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : defaultValue;
    }
}
