package io.neuralworkbench.app.bench;

import io.neuralworkbench.app.gui.train.TrainView;
import io.neuralworkbench.app.gui.train.TrainViewModel;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.workflow.ModelTraining;
import io.neuralworkbench.engine.workflow.ProjectTraining;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * Training throughput with the Train view and its charts live, against the same run through the engine alone
 * (goal: ratio ≥ 0.95). Prints figures; it asserts nothing, a shared machine's speed varies too much for that.
 *
 * <p>Each round trains the same project twice, in turn: headless (prepare, {@code TrainingSession.run()}, no
 * listener) and in a shown window (the {@link TrainView} of the app with its live curves, learning-rate and
 * update-ratio charts redrawn every frame, the session measuring update norms). Throughput is training samples
 * over the session's own training time (its epochs' time; data preparation and the test evaluation are left
 * out of both). Rounds alternate the order so a change in the machine's load hits both sides.
 *
 * <p>Run it from the repository root (Monocle, no display needed; {@code --window} uses the real display):
 * <pre>
 * mvn -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/app-cp.txt
 * java -cp app/target/test-classes:app/target/classes:$(cat /tmp/app-cp.txt) \
 *     io.neuralworkbench.app.bench.GuiTrainingThroughputBenchmark [--data CSV --target COLUMN] [--epochs N]
 *     [--batch N] [--backend auto|dl4j|pytorch] [--rounds N] [--window]
 * </pre>
 * Defaults: {@code ../shared/datasets/diamonds.csv}, target {@code price}, 2 epochs of batch 64 (about 1,200
 * batches per epoch, so per-batch events arrive far faster than frames), backend {@code auto}, 3 rounds.
 */
public final class GuiTrainingThroughputBenchmark {
    /** Samples the training split holds times the epochs; the same for every run of the project. */
    private static double trainingSamples;
    /** CPU time the whole process spent during the last run (training, and in the GUI arm the drawing too). */
    private static double lastCpuSeconds;

    private GuiTrainingThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Path data = Path.of(option(options, "--data", "../shared/datasets/diamonds.csv"));
        String target = option(options, "--target", "price");
        int epochs = Integer.parseInt(option(options, "--epochs", "2"));
        int batch = Integer.parseInt(option(options, "--batch", "64"));
        String backend = option(options, "--backend", TrainViewModel.AUTO_BACKEND);
        int rounds = Integer.parseInt(option(options, "--rounds", "3"));
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException(data.toAbsolutePath() + " does not exist; run from the repository root"
                    + " or pass --data CSV --target COLUMN.");
        }
        if (!options.contains("--window")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Project project = Project.newFor(data, target)
                .withTraining(TrainingConfig.defaults().withEpochs(epochs).withBatchSize(batch));
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Platform.startup(() -> toolkit.complete(null));
        Platform.setImplicitExit(false); // each GUI run closes its window; the toolkit must outlive it
        toolkit.get(1, TimeUnit.MINUTES);

        System.out.printf(Locale.ROOT, "GUI vs headless training throughput: %s (target %s), %d epochs, batch %d, "
                + "backend %s, %d cores, OMP_WAIT_POLICY=%s%n", data.getFileName(), target, epochs, batch, backend,
                Runtime.getRuntime().availableProcessors(), System.getenv("OMP_WAIT_POLICY"));
        // A first headless run warms up the JIT, ND4J and the backend; it is not counted.
        double warmUp = headless(project, backend);
        System.out.printf(Locale.ROOT, "warm-up (not counted): headless %,.0f samples/s%n", warmUp);
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> headlessSpeeds = new ArrayList<>();
        List<Double> guiSpeeds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean guiFirst = round % 2 == 0;
            double first = guiFirst ? withGui(project, backend) : headless(project, backend);
            double firstCpu = lastCpuSeconds;
            double second = guiFirst ? headless(project, backend) : withGui(project, backend);
            double secondCpu = lastCpuSeconds;
            double headlessCpu = guiFirst ? secondCpu : firstCpu;
            double guiCpu = guiFirst ? firstCpu : secondCpu;
            cpuRatios.add(headlessCpu / guiCpu);
            double headlessSpeed = guiFirst ? second : first;
            double guiSpeed = guiFirst ? first : second;
            headlessSpeeds.add(headlessSpeed);
            guiSpeeds.add(guiSpeed);
            ratios.add(guiSpeed / headlessSpeed);
            System.out.printf(Locale.ROOT, "round %d (%s first): headless %,.0f samples/s (%.1f CPU s), GUI %,.0f "
                    + "samples/s (%.1f CPU s), ratio by the clock %.3f, by CPU time %.3f%n", round,
                    guiFirst ? "GUI" : "headless", headlessSpeed, headlessCpu, guiSpeed, guiCpu,
                    guiSpeed / headlessSpeed, headlessCpu / guiCpu);
        }
        System.out.printf(Locale.ROOT, "median: headless %,.0f samples/s, GUI %,.0f samples/s; ratio of rounds by the"
                + " clock %.3f, by CPU time %.3f (goal >= 0.95)%n", median(headlessSpeeds), median(guiSpeeds),
                median(ratios), median(cpuRatios));
        Platform.exit();
        System.exit(0);
    }

    /** The engine alone: no window, no listener. */
    private static double headless(Project project, String backend) {
        ModelTraining training = ProjectTraining.prepare(project, TrainingBackends.forChoice(backend));
        long cpuBefore = processCpuNanos();
        TrainingResult result = training.newSession(null).run();
        lastCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        trainingSamples = (double) training.inputs().train().size() * result.history().size();
        try {
            return trainingSamples / result.lastEpoch().elapsedSeconds();
        } finally {
            result.model().close();
        }
    }

    /** The Train view in a shown window, started as the Start button does, until the run is recorded. */
    private static double withGui(Project project, String backend) throws Exception {
        CompletableFuture<TrainViewModel> started = new CompletableFuture<>();
        CompletableFuture<Double> finished = new CompletableFuture<>();
        var worker = Executors.newSingleThreadExecutor();
        Platform.runLater(() -> {
            ProjectSession session = new ProjectSession(Preferences.userRoot().node("io/neuralworkbench/app-bench"),
                    Path.of(System.getProperty("java.io.tmpdir")));
            session.newProject(project);
            TrainViewModel model = new TrainViewModel(session, new TrainViewModel.Background() {
                @Override
                public <T> void run(String title, java.util.concurrent.Callable<T> work,
                                    java.util.function.Consumer<T> onSuccess,
                                    java.util.function.Consumer<Throwable> onFailure) {
                    worker.submit(() -> {
                        try {
                            T result = work.call();
                            Platform.runLater(() -> onSuccess.accept(result));
                        } catch (Exception e) {
                            Platform.runLater(() -> onFailure.accept(e));
                        }
                    });
                }
            }, Platform::runLater, (what, problem) -> finished.completeExceptionally(problem));
            model.backendProperty().set(backend);
            Stage stage = new Stage();
            stage.setScene(new Scene(new TrainView(model), 1200, 780));
            stage.show();
            long[] cpuBefore = new long[1];
            model.liveBufferProperty().addListener((o, old, buffer) -> cpuBefore[0] = processCpuNanos());
            model.latestResultProperty().addListener((o, old, result) -> {
                lastCpuSeconds = (processCpuNanos() - cpuBefore[0]) / 1e9;
                stage.close();
                finished.complete(result.lastEpoch().elapsedSeconds());
            });
            model.start();
            started.complete(model);
        });
        started.get(1, TimeUnit.MINUTES);
        double seconds = finished.get(30, TimeUnit.MINUTES);
        worker.shutdown();
        return trainingSamples / seconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
