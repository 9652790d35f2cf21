package io.neuralworkbench.app.cli;

import io.neuralworkbench.app.cli.SampleTables.NamedTable;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ClassWeights;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.image.PixelScaling;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import io.neuralworkbench.engine.project.Run;
import io.neuralworkbench.engine.training.EarlyStopping;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingListener;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.project.ProjectData;
import io.neuralworkbench.engine.workflow.ModelTraining;
import io.neuralworkbench.engine.workflow.ProjectTraining;
import io.neuralworkbench.engine.workflow.TabularTraining;
import io.neuralworkbench.engine.workflow.TemplateChoice;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code workbench train}: CSV in, trained model bundle out, with live progress in the terminal. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a network on a table, texts or images and write a model bundle.",
            "--data takes a CSV/TSV file (with --text-column: texts and their labels), a folder of MNIST IDX files",
            "(or one of them), or an image folder with one sub-folder per class (optionally under train/ and test/).",
            "Example: workbench train --data iris.csv --target species --epochs 50 --out iris-model.zip",
            "Example: workbench train --data sms-spam.tsv --text-column SMS --target Label --out spam.zip",
            "Example: workbench train --data mnist-digits --epochs 3 --out digits.zip",
            "With a project file (.nwproj) its data, network and settings are used, and the run is added to it."
        })
final class TrainCommand implements Callable<Integer> {

    /** Where the data comes from: a file of the user's, or a sample shipped with the app. */
    static final class DataSource {
        @Option(names = "--data", paramLabel = "PATH", required = true,
                description = "What to learn from: a CSV/TSV file, MNIST IDX files (their folder or one of them), or "
                        + "an image folder with one sub-folder per class; the kind is detected.")
        Path file;

        @Option(names = "--sample", paramLabel = "NAME", required = true, description = SampleTables.OPTION_DESCRIPTION)
        String sample;
    }

    @ArgGroup(multiplicity = "0..1")
    DataSource source;

    @Parameters(arity = "0..1", paramLabel = "PROJECT.nwproj",
            description = "A project file: train with its data, network and settings and record the run in it.")
    Path projectFile;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to predict, or with --text-column the label column (default for a sample: "
                    + "its usual target).")
    String target;

    @Option(names = "--text-column", paramLabel = "COLUMN",
            description = "Learn from the texts in this column of a CSV/TSV file (with --target naming the label).")
    String textColumn;

    @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "SEQUENCE",
            description = "How texts become inputs: SEQUENCE (token ids for the text/lstm templates), BAG_OF_WORDS "
                    + "or TF_IDF (vectors for an mlp). Default: ${DEFAULT-VALUE}.")
    TextEncoding encoding;

    @Option(names = "--max-length", paramLabel = "TOKENS", defaultValue = "60",
            description = "Texts are cut or padded to this many tokens (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--vocabulary", paramLabel = "WORDS", defaultValue = "10000",
            description = "The most frequent words of the training texts that are kept; the rest are unknown "
                    + "(default: ${DEFAULT-VALUE}).")
    int vocabularySize;

    @Option(names = "--image-size", paramLabel = "HxW",
            description = "Resize images to this size, e.g. 28x28 (default: the images' own size).")
    String imageSize;

    @Option(names = "--rgb", description = "Keep the images' colours (3 channels) instead of grayscale.")
    boolean rgb;

    @Option(names = "--standardize", description = "Scale pixels to mean 0 and deviation 1 per channel (measured "
            + "on the training images) instead of to [0, 1].")
    boolean standardize;

    @Option(names = "--augment", paramLabel = "SPEC",
            description = "Vary the training images each epoch: 'photos' (flip, 10° rotation, 10% shift and zoom) or "
                    + "a list such as flip,rotation=10,shift=0.1,zoom=0.1.")
    String augment;

    @Option(names = "--balance-classes",
            description = "Weigh each class in the loss by the inverse of its frequency, so rare classes count.")
    boolean balanceClasses;

    @Option(names = "--template", paramLabel = "NAME",
            description = "Network template when no --network is given: mlp, lenet, residual, text or lstm "
                    + "(default: the one that suits the data: mlp for tables and text vectors, lenet for images, "
                    + "text for token sequences).")
    String template;

    @Mixin
    TrainingOptions training;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop when validation loss has not improved for this many epochs, keeping the best epoch.")
    Integer patience;

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
                    ? "Missing data: give --data PATH, --sample NAME (e.g. --sample iris), or a project file."
                    : "Give either a project file or --data/--sample, not both.");
        }
        Project project = projectFile == null ? null : ProjectFiles.read(projectFile);
        String runId = project == null ? null : project.nextRunId();
        Path bundleFile = out != null ? out : project != null
                ? projectFile.toAbsolutePath().resolveSibling(project.name() + "-" + runId + ".zip") : null;
        if (bundleFile == null) {
            throw new UserInputException("Missing --out: name the model bundle to write, e.g. --out model.zip.");
        }

        TrainingBackend trainer = this.training.trainingBackend();
        ModelTraining training = project != null ? ProjectTraining.prepare(project, trainer)
                : prepareFromOptions(trainer);
        printDataSummary(training);
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

    private ModelTraining prepareFromOptions(TrainingBackend trainer) throws IOException {
        TrainingConfig config = training.config()
                .withEarlyStopping(patience == null ? EarlyStopping.off() : EarlyStopping.onValidationLoss(patience));
        NetworkDescription description = training.networkOrTemplate();
        TemplateChoice chosenTemplate = template == null ? null : TemplateChoice.named(template);
        if (description != null && chosenTemplate != null) {
            throw new UserInputException("Give either --network or --template, not both.");
        }
        DataKind kind = source.file != null ? DataKind.detect(source.file, textColumn != null) : DataKind.TABLE;
        if (kind != DataKind.TEXT_TABLE && textColumn != null) {
            throw new UserInputException("--text-column is for a CSV/TSV file, but "
                    + (source.file != null ? source.file : "the sample " + source.sample) + " is "
                    + kind.description() + ".");
        }
        if (kind == DataKind.TABLE) {
            NamedTable table = source.file != null ? new NamedTable(CsvImporter.read(source.file), target)
                    : SampleTables.named(source.sample, target);
            return prepareTable(table, description, chosenTemplate, config, trainer);
        }
        PreparedInputs inputs;
        if (kind == DataKind.TEXT_TABLE) {
            if (target == null) {
                throw new UserInputException("Missing --target: name the column with each text's label.");
            }
            inputs = ProjectTraining.importInputs(ProjectData.texts(source.file, textColumn, target,
                    TextOptions.defaults().withEncoding(encoding).withMaxLength(maxLength)
                            .withVocabulary(vocabularySize, TextOptions.defaults().minFrequency())
                            .withSeed(training.seed)));
        } else {
            inputs = ProjectTraining.importInputs(ProjectData.images(source.file, imageOptions()));
        }
        NetworkDescription toTrain = chosenTemplate != null ? chosenTemplate.sizedFor(inputs.preprocessing())
                : description;
        return withClassWeights(ModelTraining.prepare(inputs, toTrain, config, trainer), trainer);
    }

    /** A table: the MLP template or the user's network; another template is refused naming the ones that fit. */
    private ModelTraining prepareTable(NamedTable table, NetworkDescription description, TemplateChoice template,
                                       TrainingConfig config, TrainingBackend trainer) {
        if (table.target() == null) {
            throw new UserInputException("Missing --target: name the column to predict.");
        }
        boolean mlp = template == null || template == TemplateChoice.MLP;
        ModelTraining prepared = TabularTraining.prepare(table.table(), training.spec(table.target()),
                mlp ? description : null, config, trainer).training();
        if (!mlp) {
            prepared = ModelTraining.prepare(prepared.inputs(), template.sizedFor(prepared.inputs().preprocessing()),
                    config, trainer);
        }
        return withClassWeights(prepared, trainer);
    }

    /** With --balance-classes, the same preparation with a loss that weighs classes by their rarity. */
    private ModelTraining withClassWeights(ModelTraining training, TrainingBackend trainer) {
        if (!balanceClasses) {
            return training;
        }
        if (training.inputs().preprocessing().task() != TaskType.CLASSIFICATION) {
            throw new UserInputException("--balance-classes is for classification, but this data has a number to "
                    + "predict.");
        }
        List<Double> weights = ClassWeights.balanced(ClassWeights.classCounts(training.inputs().train()));
        return ModelTraining.prepare(training.inputs(), training.network(),
                training.config().withClassWeights(weights), trainer);
    }

    private ImageOptions imageOptions() {
        ImageOptions options = ImageOptions.defaults().withSplit(0.1, 0.15, training.seed).withChannels(rgb ? 3 : 1)
                .withScaling(standardize ? PixelScaling.STANDARDIZE : PixelScaling.UNIT_RANGE);
        if (imageSize != null) {
            Matcher size = Pattern.compile("(\\d+)[xX×](\\d+)").matcher(imageSize.trim());
            if (!size.matches()) {
                throw new UserInputException("--image-size " + imageSize + " is not a size — write HEIGHTxWIDTH, "
                        + "e.g. 28x28.");
            }
            options = options.withSize(Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)));
        }
        return augment == null ? options : options.withAugmentation(AugmentationSpec.parse(augment));
    }

    private static void printDataSummary(ModelTraining training) {
        PreparedInputs data = training.inputs();
        InputPreprocessing preprocessing = data.preprocessing();
        System.out.printf(Locale.ROOT, "Data: %d training, %d validation, %d test samples of %s; %s%n",
                data.train().size(), data.validation().size(), data.test().size(),
                preprocessing.inputShape().describe(),
                preprocessing.task() == TaskType.REGRESSION ? "regression on " + preprocessing.targetName()
                        : preprocessing.classNames().size() + " classes " + preprocessing.classNames());
        System.out.println("Network: " + training.network().name());
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
