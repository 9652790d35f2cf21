package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.Version;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Provenance;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataPreparer;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.PreparedData;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.eval.Evaluator;
import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkValidator;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.Checkpoint;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Training on a CSV file from start to bundle, the same steps for the CLI and the GUI: import, prepare
 * (fit on the training split), size the network to the data, train, evaluate on the test split, bundle.
 */
public final class TabularTraining {
    private final RawTable table;
    private final PreprocessingSpec spec;
    private final NetworkDescription requestedNetwork;
    private final PreparedData data;
    private final NetworkDescription network;
    private final TrainingConfig config;
    private final TrainingBackend backend;
    private final List<String> notes;

    private TabularTraining(RawTable table, PreprocessingSpec spec, NetworkDescription requestedNetwork,
                            PreparedData data, NetworkDescription network, TrainingConfig config,
                            TrainingBackend backend, List<String> notes) {
        this.table = table;
        this.spec = spec;
        this.requestedNetwork = requestedNetwork;
        this.data = data;
        this.network = network;
        this.config = config;
        this.backend = backend;
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads and prepares the data and sizes the network to it.
     *
     * @param network the network to train, or null for the MLP template that suits the task
     * @throws UserInputException for bad data, options, or a network that cannot take this data
     */
    public static TabularTraining prepare(Path csvFile, PreprocessingSpec spec, NetworkDescription network,
                                          TrainingConfig config, TrainingBackend backend) {
        config.check();
        return prepare(CsvImporter.read(csvFile), spec, network, config, backend);
    }

    /** The same for a table already in hand, e.g. a generated teaching set. */
    public static TabularTraining prepare(RawTable table, PreprocessingSpec spec, NetworkDescription network,
                                          TrainingConfig config, TrainingBackend backend) {
        config.check();
        PreparedData data = DataPreparer.prepare(table, spec);
        List<String> notes = new ArrayList<>(data.notes());
        NetworkDescription sized = sizedNetwork(network, data.preprocessing(), notes);
        return new TabularTraining(table, spec, network, data, sized, config, backend, notes);
    }

    /**
     * The network to train on data prepared this way: the MLP template for the task when {@code network} is
     * null, else {@code network} resized to the data (changes and warnings go to {@code notes}).
     *
     * @throws UserInputException if the network cannot be trained on this data
     */
    static NetworkDescription sizedNetwork(NetworkDescription network, InputPreprocessing preprocessing,
                                           List<String> notes) {
        int features = preprocessing.featureCount();
        boolean classification = preprocessing.task() == TaskType.CLASSIFICATION;
        int outputs = classification ? preprocessing.classNames().size() : 1;
        NetworkDescription sized;
        if (network == null) {
            sized = classification ? Templates.mlpClassifier(features, outputs) : Templates.mlpRegressor(features, outputs);
        } else {
            sized = fitToData(network, features, outputs, notes);
        }
        List<Diagnostic> errors = NetworkValidator.validate(sized).stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new UserInputException("The network cannot be trained: " + errors.stream()
                    .map(d -> d.message() + (d.hint() == null ? "" : " (" + d.hint() + ")"))
                    .collect(Collectors.joining("; ")));
        }
        NetworkValidator.validate(sized).stream().filter(d -> !d.isError())
                .forEach(warning -> notes.add("Warning: " + warning.message()));
        return sized;
    }

    /**
     * The data decides the input width and the output width: a network designed for other data still trains,
     * and the user is told what was changed.
     */
    static NetworkDescription fitToData(NetworkDescription network, int features, int outputs, List<String> notes) {
        NetworkDescription sized = network;
        for (Node node : network.nodes()) {
            if (node.layer() instanceof Layer.Input input) {
                if (!(input.shape() instanceof Shape.Flat flat)) {
                    throw new UserInputException("Input node " + node.name() + " expects " + input.shape().describe()
                            + ", but a CSV file gives a flat vector of " + features
                            + " features — use a network whose input is a flat vector (e.g. the MLP template).");
                }
                if (flat.size() != features) {
                    notes.add("Input node " + node.name() + " resized from " + flat.size() + " to the data's "
                            + features + " features.");
                    sized = sized.withLayer(node.name(), Layer.Input.flat(features));
                }
            } else if (node.layer() instanceof Layer.Output output && output.units() != outputs) {
                notes.add("Output node " + node.name() + " resized from " + output.units() + " to " + outputs
                        + (outputs == 1 ? " target." : " classes."));
                sized = sized.withLayer(node.name(), output.withUnits(outputs));
            }
        }
        return sized;
    }

    public PreparedData data() {
        return data;
    }

    public NetworkDescription network() {
        return network;
    }

    public TrainingConfig config() {
        return config;
    }

    /** What trains the network. */
    public TrainingBackend backend() {
        return backend;
    }

    /** What was left out, resized or warned about while preparing, one sentence each. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Cross-validation of this configuration (same table, preprocessing choices, network or template and
     * settings) in {@code folds} folds, instead of one train/validation/test split.
     *
     * @throws UserInputException unless 2 ≤ folds ≤ usable rows, or if a class has a single row
     */
    public CrossValidation crossValidation(int folds) {
        return CrossValidation.prepare(table, spec, requestedNetwork, config, backend, folds);
    }

    /** A session on the training split, validated on the validation split; not yet started. */
    public TrainingSession newSession(Path checkpointDirectory) {
        return TrainingSession.create(backend, network, config, data.train(), data.validation(), checkpointDirectory);
    }

    /**
     * Continues the run checkpointed in {@code checkpointDirectory} on this data. The checkpoint must be of the
     * same network and settings, so that the bundle describes what was really trained.
     */
    public TrainingSession resumeSession(Path checkpointDirectory) {
        Checkpoint checkpoint = Checkpoint.read(checkpointDirectory);
        if (!checkpoint.network().equals(network) || !checkpoint.config().equals(config)) {
            throw new UserInputException("The checkpoint in " + checkpointDirectory + " is of a different network or"
                    + " different training settings; pass the options of the interrupted run, or start a new run"
                    + " without --resume.");
        }
        return TrainingSession.resume(backend, checkpointDirectory, data.train(), data.validation());
    }

    /** Evaluates the trained model on the test split and packs everything into a bundle. */
    public ModelBundle bundle(TrainingResult result) {
        EvaluationReport testMetrics = Evaluator.evaluate(result.model(), data.test(), data.preprocessing());
        Provenance provenance = new Provenance(Version.current(), backend.id(), config.seed(), table.fileName(),
                table.sha256(), data.train().size(), data.validation().size(), data.test().size(),
                result.history().size(), Runtime.version().toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ModelBundle.Manifest manifest = new ModelBundle.Manifest(ModelBundle.FORMAT_VERSION,
                backend.modelFileBackendId(), Version.current());
        return new ModelBundle(manifest, network, config, data.preprocessing(), testMetrics, provenance,
                result.history(), result.model());
    }
}
