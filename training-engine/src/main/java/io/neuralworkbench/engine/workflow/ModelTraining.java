package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.Version;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Provenance;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.PreparedInputs;
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
import io.neuralworkbench.engine.training.BackendChoice;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingBackends;
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
 * Training on a prepared dataset of any kind (table, images, texts) from start to bundle, the same steps for
 * the CLI and the GUI: size the network to the data, train, evaluate on the test split, bundle.
 */
public final class ModelTraining {
    private final PreparedInputs inputs;
    private final NetworkDescription network;
    private final TrainingConfig config;
    private final TrainingBackend backend;
    private final List<String> notes;

    private ModelTraining(PreparedInputs inputs, NetworkDescription network, TrainingConfig config,
                          TrainingBackend backend, List<String> notes) {
        this.inputs = inputs;
        this.network = network;
        this.config = config;
        this.backend = backend;
        this.notes = List.copyOf(notes);
    }

    /**
     * Sizes the network to the data and checks that it can be trained.
     *
     * @param network the network to train, or null for the template that suits the data (an MLP for tables,
     *                LeNet for images, the text classifier for token sequences)
     * @throws UserInputException for bad options, or a network that cannot take this data
     */
    public static ModelTraining prepare(PreparedInputs inputs, NetworkDescription network, TrainingConfig config,
                                        TrainingBackend backend) {
        config.check();
        List<String> notes = new ArrayList<>(inputs.notes());
        InputPreprocessing preprocessing = inputs.preprocessing();
        NetworkDescription sized = network == null ? defaultNetwork(preprocessing)
                : fitToData(network, preprocessing, notes);
        List<Diagnostic> diagnostics = NetworkValidator.validate(sized);
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new UserInputException("The network cannot be trained: " + errors.stream()
                    .map(d -> d.message() + (d.hint() == null ? "" : " (" + d.hint() + ")"))
                    .collect(Collectors.joining("; ")));
        }
        diagnostics.stream().filter(d -> !d.isError()).forEach(warning -> notes.add("Warning: " + warning.message()));
        BackendChoice choice = TrainingBackends.resolve(backend, sized);
        if (choice.reason() != null) {
            notes.add(choice.reason());
        }
        return new ModelTraining(inputs, sized, config, choice.backend(), notes);
    }

    /** The template that suits the data, sized to it. */
    public static NetworkDescription defaultNetwork(InputPreprocessing preprocessing) {
        int outputs = outputWidth(preprocessing);
        boolean classification = preprocessing.task() == TaskType.CLASSIFICATION;
        Shape shape = preprocessing.inputShape();
        if (shape instanceof Shape.Image image) {
            return Templates.lenet(image.height(), image.width(), image.channels(), outputs);
        }
        if (shape instanceof Shape.Sequence sequence && preprocessing.tokenVocabularySize().isPresent()) {
            return Templates.textClassifier(preprocessing.tokenVocabularySize().getAsInt(), sequence.length(), outputs);
        }
        if (shape instanceof Shape.Sequence sequence) {
            return Templates.lstmClassifier(sequence.features(), sequence.length(), outputs);
        }
        int features = ((Shape.Flat) shape).size();
        return classification ? Templates.mlpClassifier(features, outputs) : Templates.mlpRegressor(features, outputs);
    }

    private static int outputWidth(InputPreprocessing preprocessing) {
        return preprocessing.task() == TaskType.CLASSIFICATION ? preprocessing.classNames().size() : 1;
    }

    /**
     * The data decides the input shape, the embedding's vocabulary and the output width: a network designed
     * for other data of the same kind still trains, and the user is told what was changed. A network for
     * another kind of data (a CNN given a table) is refused with the template to use instead.
     */
    static NetworkDescription fitToData(NetworkDescription network, InputPreprocessing preprocessing,
                                        List<String> notes) {
        Shape dataShape = preprocessing.inputShape();
        int outputs = outputWidth(preprocessing);
        NetworkDescription sized = network;
        for (Node node : network.nodes()) {
            if (node.layer() instanceof Layer.Input input && !input.shape().equals(dataShape)) {
                if (input.shape().getClass() != dataShape.getClass()) {
                    throw new UserInputException("Input node " + node.name() + " expects " + input.shape().describe()
                            + ", but the data gives " + dataShape.describe() + " — use a network made for this kind"
                            + " of data (" + suitableTemplate(dataShape) + ").");
                }
                notes.add("Input node " + node.name() + " resized from " + input.shape() + " to the data's "
                        + dataShape + ".");
                sized = sized.withLayer(node.name(), new Layer.Input(dataShape));
            } else if (node.layer() instanceof Layer.Embedding embedding
                    && preprocessing.tokenVocabularySize().isPresent()
                    && embedding.vocabularySize() != preprocessing.tokenVocabularySize().getAsInt()) {
                int vocabulary = preprocessing.tokenVocabularySize().getAsInt();
                notes.add("Embedding node " + node.name() + " resized from " + embedding.vocabularySize()
                        + " to the data's vocabulary of " + vocabulary + " tokens.");
                sized = sized.withLayer(node.name(), new Layer.Embedding(vocabulary, embedding.dimension(),
                        embedding.weightInit(), embedding.l2()));
            } else if (node.layer() instanceof Layer.Output output && output.units() != outputs) {
                notes.add("Output node " + node.name() + " resized from " + output.units() + " to " + outputs
                        + (outputs == 1 ? " target." : " classes."));
                sized = sized.withLayer(node.name(), output.withUnits(outputs));
            }
        }
        return sized;
    }

    private static String suitableTemplate(Shape shape) {
        if (shape instanceof Shape.Image) {
            return "e.g. the LeNet template";
        }
        if (shape instanceof Shape.Sequence) {
            return "e.g. the text classifier or LSTM template";
        }
        return "e.g. the MLP template";
    }

    public PreparedInputs inputs() {
        return inputs;
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

    /** A session on the training split, validated on the validation split; not yet started. */
    public TrainingSession newSession(Path checkpointDirectory) {
        return TrainingSession.create(backend, network, config, inputs.train(),
                inputs.validation(), checkpointDirectory);
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
        return TrainingSession.resume(backend, checkpointDirectory, inputs.train(),
                inputs.validation());
    }

    /** The trained model's metrics on the test split (regression metrics in the target's units). */
    public EvaluationReport evaluateTest(TrainingResult result) {
        return Evaluator.evaluate(result.model(), inputs.test(), inputs.preprocessing());
    }

    /** Evaluates the trained model on the test split and packs everything into a bundle. */
    public ModelBundle bundle(TrainingResult result) {
        EvaluationReport testMetrics = evaluateTest(result);
        Provenance provenance = new Provenance(Version.current(), backend.id(), config.seed(), inputs.sourceName(),
                inputs.fingerprint(), inputs.train().size(), inputs.validation().size(), inputs.test().size(),
                result.history().size(), Runtime.version().toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ModelBundle.Manifest manifest = new ModelBundle.Manifest(ModelBundle.FORMAT_VERSION,
                backend.modelFileBackendId(), Version.current());
        return new ModelBundle(manifest, network, config, inputs.preprocessing(), testMetrics, provenance,
                result.history(), result.model());
    }
}
