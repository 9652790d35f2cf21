package io.neuralworkbench.engine.export.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.util.AtomicFiles;
import io.neuralworkbench.engine.util.Json;
import onnx.Onnx;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a bundle's trained network as an ONNX model (opset {@value OnnxGraph#OPSET}) and, beside it,
 * {@code MODEL.preprocessing.json}: the fitted preprocessing that turns raw rows, texts or images into the
 * model's input, the input and output layout, and the class names (see docs/onnx.md). The preprocessing is
 * not folded into the graph because one-hot encoding and tokenizing take strings, which would make the model
 * harder, not easier, to feed from other stacks.
 */
public final class OnnxExport {
    public static final String EXTENSION = ".onnx";
    public static final String PREPROCESSING_SUFFIX = ".preprocessing.json";
    /** Version of the {@code .preprocessing.json} layout. */
    public static final int SIDECAR_FORMAT_VERSION = 1;

    /**
     * What was written.
     *
     * @param model         the ONNX file
     * @param preprocessing the JSON beside it
     */
    public record Result(Path model, Path preprocessing) {
    }

    private OnnxExport() {
    }

    /** The preprocessing file written beside an ONNX file: {@code iris.onnx} → {@code iris.preprocessing.json}. */
    public static Path preprocessingFileFor(Path onnxFile) {
        String name = onnxFile.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
                ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return onnxFile.resolveSibling(base + PREPROCESSING_SUFFIX);
    }

    /**
     * What keeps a network from being exported, one sentence per problem naming the node; empty when it can be.
     */
    public static List<String> problems(NetworkDescription network) {
        List<String> problems = new ArrayList<>();
        List<Node> inputs = network.nodes().stream().filter(n -> n.layer() instanceof Layer.Input).toList();
        List<Node> outputs = network.nodes().stream().filter(n -> n.layer() instanceof Layer.Output).toList();
        if (inputs.size() != 1 || outputs.size() != 1) {
            problems.add("ONNX export needs exactly one input node and one output node; this network has "
                    + inputs.size() + " input(s) and " + outputs.size() + " output(s).");
            return problems;
        }
        ShapeInference.infer(network).diagnostics().stream().filter(Diagnostic::isError).findFirst()
                .ifPresent(error -> problems.add("The network is not valid: " + error));
        for (Node node : network.nodes()) {
            if (node.layer() instanceof Layer.Lstm lstm && OnnxConverter.lstmActivation(lstm.activation()) == null) {
                problems.add("lstm \"" + node.name() + "\" uses the " + lstm.activation().displayName()
                        + " activation, which ONNX's LSTM cannot express (it offers tanh, sigmoid, relu and softplus)"
                        + "; choose one of those and train again to export it.");
            }
        }
        Node input = inputs.get(0);
        if (OnnxConverter.takesTokenIds(network)) {
            for (String next : network.outputsOf(input.name())) {
                Node consumer = network.node(next).orElseThrow();
                if (!(consumer.layer() instanceof Layer.Embedding)) {
                    problems.add(consumer.layer().kind() + " \"" + next + "\" reads the token ids of \"" + input.name()
                            + "\" directly; in ONNX the ids are whole numbers that only an embedding can read."
                            + " Put an embedding before it to export the network.");
                }
            }
        }
        return problems;
    }

    /** @throws UserInputException naming each node that cannot be exported, so nothing needs to be written first */
    public static void requireExportable(NetworkDescription network) {
        List<String> problems = problems(network);
        if (!problems.isEmpty()) {
            throw new UserInputException("This model cannot be exported to ONNX: " + String.join(" ", problems));
        }
    }

    /**
     * Writes {@code onnxFile} and its preprocessing file, each atomically (a temporary file renamed into
     * place), after everything has been translated in memory: a network that cannot be exported leaves no file.
     *
     * @throws UserInputException naming each node that cannot be exported, or if the file cannot be written
     */
    public static Result write(ModelBundle bundle, Path onnxFile) throws IOException {
        Path target = onnxFile.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new UserInputException(target + " is a folder; give the ONNX file's name, e.g. "
                    + target.resolve("model" + EXTENSION) + ".");
        }
        requireExportable(bundle.network());
        Onnx.ModelProto model = toOnnx(bundle);
        Path sidecar = preprocessingFileFor(target);
        byte[] sidecarJson = Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(sidecar(bundle, target.getFileName().toString()));
        AtomicFiles.write(target, model::writeTo);
        AtomicFiles.write(sidecar, out -> out.write(sidecarJson));
        return new Result(target, sidecar);
    }

    /** The ONNX model of a bundle; the network must have no {@link #problems}. */
    static Onnx.ModelProto toOnnx(ModelBundle bundle) throws IOException {
        ComputationGraph graph = trainedGraph(bundle);
        try {
            return OnnxConverter.convert(bundle.network(), graph, bundle.preprocessing());
        } finally {
            graph.close();
        }
    }

    /**
     * The bundle's weights as a DL4J graph: every backend saves its model as one (the PyTorch backend writes its
     * weights back into DL4J's layout), so reading the saved form covers them all.
     */
    private static ComputationGraph trainedGraph(ModelBundle bundle) throws IOException {
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        bundle.model().saveTo(saved);
        return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(saved.toByteArray()), false);
    }

    private static ObjectNode sidecar(ModelBundle bundle, String modelFile) {
        ObjectMapper json = Json.mapper();
        NetworkDescription network = bundle.network();
        Node input = OnnxConverter.inputNode(network);
        Node output = OnnxConverter.outputNode(network);
        Shape inputShape = ((Layer.Input) input.layer()).shape();
        boolean tokenIds = OnnxConverter.takesTokenIds(network);

        ObjectNode root = json.createObjectNode();
        root.put("formatVersion", SIDECAR_FORMAT_VERSION);
        root.put("model", modelFile);
        root.put("opset", OnnxGraph.OPSET);
        ObjectNode in = root.putObject("input");
        in.put("name", input.name());
        in.put("type", tokenIds ? "int64" : "float32");
        ArrayNode inShape = in.putArray("shape").add(OnnxGraph.BATCH);
        String layout;
        if (tokenIds) {
            int steps = inputShape instanceof Shape.Sequence s ? s.length() : ((Shape.Flat) inputShape).size();
            inShape.add(steps);
            layout = "token ids per text, padded at the end with 0 (what 'preprocessing' encodes a text to)";
        } else if (inputShape instanceof Shape.Image image) {
            inShape.add(image.channels()).add(image.height()).add(image.width());
            layout = "images as channels × height × width, pixels scaled as 'preprocessing' says";
        } else if (inputShape instanceof Shape.Sequence sequence) {
            inShape.add(sequence.length()).add(sequence.features());
            layout = "sequences as steps × features";
        } else {
            inShape.add(((Shape.Flat) inputShape).size());
            layout = "one row of features per sample, made from raw columns as 'preprocessing' says";
        }
        in.put("layout", layout);
        ObjectNode out = root.putObject("output");
        out.put("name", output.name());
        out.put("type", "float32");
        out.putArray("shape").add(OnnxGraph.BATCH).add(((Layer.Output) output.layer()).units());
        out.put("meaning", bundle.preprocessing().task() == TaskType.CLASSIFICATION
                ? "class probabilities (or scores) in the order of classNames; the label is the largest"
                : "the prediction in standardized units; multiply by targetScaling.scale and add"
                + " targetScaling.offset in 'preprocessing' for the target's own units");
        ArrayNode classes = root.putArray("classNames");
        bundle.preprocessing().classNames().forEach(classes::add);
        root.set("preprocessing", json.valueToTree(bundle.preprocessing()));
        return root;
    }
}
