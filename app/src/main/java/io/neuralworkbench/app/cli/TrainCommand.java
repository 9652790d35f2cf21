package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.PreparedData;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import io.neuralworkbench.engine.project.Run;
import io.neuralworkbench.engine.training.EarlyStopping;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingListener;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.workflow.TabularTraining;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code workbench train}: CSV in, trained model bundle out, with live progress in the terminal. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a network on a CSV/TSV file and write a model bundle.",
            "Example: workbench train --data iris.csv --target species --epochs 50 --out iris-model.zip",
            "With a project file (.nwproj) its data, network and settings are used, and the run is added to it."
        })
final class TrainCommand implements Callable<Integer> {

    /** Where the data comes from: a file of the user's, or a sample shipped with the app. */
    static final class DataSource {
        @Option(names = "--data", paramLabel = "FILE", required = true, description = "The CSV or TSV file to learn from.")
        Path file;

        @Option(names = "--sample", paramLabel = "NAME", required = true,
                description = "Train on a bundled sample instead of a file: ${COMPLETION-CANDIDATES}.")
        SampleData sample;
    }

    @ArgGroup(multiplicity = "0..1")
    DataSource source;

    @Parameters(arity = "0..1", paramLabel = "PROJECT.nwproj",
            description = "A project file: train with its data, network and settings and record the run in it.")
    Path projectFile;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to predict (default for a sample: its usual target).")
    String target;

    @Option(names = "--drop", paramLabel = "COLUMN", split = ",",
            description = "Columns to leave out, e.g. identifiers or columns that give the answer away.")
    List<String> dropped = List.of();

    @Option(names = "--type", paramLabel = "COLUMN=TYPE", split = ",",
            description = "Override an inferred column type: NUMERIC, CATEGORICAL, BOOLEAN or TEXT, e.g. --type pclass=CATEGORICAL.")
    Map<String, ColumnType> typeOverrides = Map.of();

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "mlp",
            description = "Network template when no --network is given: mlp (classifier or regressor, from the target).")
    String template;

    @Option(names = "--network", paramLabel = "NET.json", description = "A network description to train instead of the template; "
            + "its input and output are resized to the data.")
    Path network;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Samples per update (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "ADAM",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OptimizerType optimizer;

    @Option(names = "--l2", paramLabel = "X", defaultValue = "0", description = "L2 weight penalty (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop when validation loss has not improved for this many epochs, keeping the best epoch.")
    Integer patience;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed for the split, initial weights and "
            + "batch order: the same seed gives the same model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "auto",
            description = "What trains the network: dl4j (the reference), pytorch (faster; the bundle is still a DL4J "
                    + "model), or auto (the faster one that can train the network). Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--threads", paramLabel = "N",
            description = "Compute threads for training (default: the backend's own choice, usually one per core). "
                    + "On 2 cores, 1 makes DL4J's dense networks ~1.8x faster.")
    Integer threads;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Write a checkpoint after every epoch here, so an interrupted run can be resumed.")
    Path checkpointDirectory;

    @Option(names = "--resume", description = "Continue the run checkpointed in --checkpoint-dir (same options as before).")
    boolean resume;

    @Option(names = "--out", paramLabel = "BUNDLE.zip",
            description = "Where to write the model bundle (with a project: default <project>-<run>.zip beside it).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (resume && checkpointDirectory == null) {
            throw new UserInputException("--resume needs --checkpoint-dir, the folder of the interrupted run.");
        }
        if ((projectFile == null) == (source == null)) {
            throw new UserInputException(projectFile == null
                    ? "Missing data: give --data FILE, --sample iris, or a project file."
                    : "Give either a project file or --data/--sample, not both.");
        }
        Project project = projectFile == null ? null : ProjectFiles.read(projectFile);
        String runId = project == null ? null : project.nextRunId();
        Path bundleFile = out != null ? out : project != null
                ? projectFile.toAbsolutePath().resolveSibling(project.name() + "-" + runId + ".zip") : null;
        if (bundleFile == null) {
            throw new UserInputException("Missing --out: name the model bundle to write, e.g. --out model.zip.");
        }

        TabularTraining training = project != null
                ? TabularTraining.prepare(project.dataFile(), project.data().spec(), project.network(),
                        project.training(), TrainingBackends.forChoice(backend))
                : prepareFromOptions();
        printDataSummary(training);

        if (threads != null) {
            if (threads < 1) {
                throw new UserInputException("--threads must be at least 1, but is " + threads + ".");
            }
            training.backend().useThreads(threads);
        }
        Instant startedAt = Instant.now();
        TrainingSession session = resume ? training.resumeSession(checkpointDirectory)
                : training.newSession(checkpointDirectory);
        TerminalProgressBar bar = TerminalProgressBar.onStandardOutput();
        session.addListener(new ProgressReporter(bar, training.config().epochs()));
        TrainingResult result = session.run();
        bar.finish(result.message());

        EvaluationReport testMetrics = null;
        if (result.state() == SessionState.COMPLETED) {
            try (ModelBundle bundle = training.bundle(result)) {
                bundle.write(bundleFile);
                testMetrics = bundle.testMetrics();
            }
            System.out.println("Test: " + testMetrics.summary());
            System.out.println("Model bundle written to " + bundleFile.toAbsolutePath());
        } else {
            System.err.println(result.message());
        }
        if (project != null) {
            ProjectFiles.write(project.withRun(Run.of(runId, startedAt, result, testMetrics,
                    testMetrics == null ? null : bundleFile)), projectFile);
            System.out.println("Run " + runId + " recorded in " + projectFile);
        }
        return result.state() == SessionState.COMPLETED ? ExitCode.OK : ExitCode.SOFTWARE;
    }

    private TabularTraining prepareFromOptions() throws IOException {
        if (!"mlp".equals(template)) {
            throw new UserInputException("Unknown template \"" + template + "\" for tabular data; use mlp, or give a "
                    + "network with --network.");
        }
        Path dataFile = source.file != null ? source.file : source.sample.extract();
        String targetColumn = target != null ? target : source.sample != null ? source.sample.target() : null;
        if (targetColumn == null) {
            throw new UserInputException("Missing --target: name the column to predict.");
        }
        NetworkDescription description = network == null ? null : NetworkJson.fromFile(network);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs).withBatchSize(batchSize)
                .withLearningRate(learningRate).withOptimizer(Optimizer.of(optimizer)).withL2(l2).withSeed(seed)
                .withEarlyStopping(patience == null ? EarlyStopping.off() : EarlyStopping.onValidationLoss(patience));
        PreprocessingSpec spec = PreprocessingSpec.forTarget(targetColumn).withDroppedColumns(dropped)
                .withSplit(SplitFractions.DEFAULT, seed);
        for (Map.Entry<String, ColumnType> override : typeOverrides.entrySet()) {
            spec = spec.withColumnType(override.getKey(), override.getValue());
        }
        return TabularTraining.prepare(dataFile, spec, description, config, TrainingBackends.forChoice(backend));
    }

    private static void printDataSummary(TabularTraining training) {
        PreparedData data = training.data();
        FittedPreprocessing preprocessing = data.preprocessing();
        System.out.printf(Locale.ROOT, "Data: %d training, %d validation, %d test rows; %d features; %s%n",
                data.train().size(), data.validation().size(), data.test().size(), preprocessing.featureCount(),
                preprocessing.classNames().isEmpty() ? "regression on " + preprocessing.targetColumn()
                        : preprocessing.classNames().size() + " classes " + preprocessing.classNames());
        training.notes().forEach(note -> System.out.println("Note: " + note));
    }

    /** Turns session events into the progress bar and one summary line per epoch. */
    private static final class ProgressReporter implements TrainingListener {
        private final TerminalProgressBar bar;
        private final int totalEpochs;
        private volatile double etaSeconds = Double.NaN;

        ProgressReporter(TerminalProgressBar bar, int totalEpochs) {
            this.bar = bar;
            this.totalEpochs = totalEpochs;
        }

        @Override
        public void onIteration(IterationEvent event) {
            bar.update(event.progress(), String.format(Locale.ROOT, "epoch %d/%d  loss %.4f", event.epoch() + 1,
                    totalEpochs, event.loss()), Double.isNaN(etaSeconds) ? null : Duration.ofSeconds((long) etaSeconds));
        }

        @Override
        public void onEpoch(EpochEvent event) {
            etaSeconds = event.etaSeconds();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f",
                    event.epoch() + 1, event.totalEpochs(), event.trainLoss()));
            if (!Double.isNaN(event.trainAccuracy())) {
                line.append(String.format(Locale.ROOT, "  acc %.4f", event.trainAccuracy()));
            }
            if (!Double.isNaN(event.validationLoss())) {
                line.append(String.format(Locale.ROOT, "  val_loss %.4f", event.validationLoss()));
            }
            if (!Double.isNaN(event.validationAccuracy())) {
                line.append(String.format(Locale.ROOT, "  val_acc %.4f", event.validationAccuracy()));
            }
            line.append(String.format(Locale.ROOT, "  %,.0f samples/s", event.samplesPerSecond()));
            bar.log(line.toString());
        }

        @Override
        public void onStateChanged(SessionState state, String message) {
            if (state == SessionState.PAUSED || state == SessionState.DIVERGED) {
                bar.log(message);
            }
        }
    }
}
