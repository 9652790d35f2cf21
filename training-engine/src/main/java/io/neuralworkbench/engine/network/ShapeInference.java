package io.neuralworkbench.engine.network;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Works out, node by node in wiring order, the shape each node outputs and how many parameters it has.
 * Reports only problems with shapes and sizes; a node whose inputs are missing or unknown (wrong wiring, a
 * cycle, or an upstream problem) simply gets no shape, so one mistake gives one message, not a cascade.
 */
public final class ShapeInference {

    private ShapeInference() {
    }

    public static InferenceResult infer(NetworkDescription network) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        network.nodes().forEach(node -> nodes.putIfAbsent(node.name(), node));
        Map<String, Shape> shapes = new HashMap<>();
        Map<String, Long> parameters = new HashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (String name : new Graph(network).topologicalOrder()) {
            Node node = nodes.get(name);
            List<String> inputNames = network.inputsOf(name);
            boolean wiredRight = inputNames.size() >= node.layer().minInputs()
                    && inputNames.size() <= node.layer().maxInputs();
            if (!wiredRight || !shapes.keySet().containsAll(inputNames)) {
                continue;
            }
            try {
                checkSizes(name, (Record) node.layer(), ""); // every layer kind is a record
                Step step = new Step(node, inputNames, inputNames.stream().map(shapes::get).toList(), nodes);
                Inferred inferred = step.infer();
                shapes.put(name, inferred.shape());
                parameters.put(name, inferred.parameters());
            } catch (ShapeProblem problem) {
                diagnostics.add(problem.diagnostic);
            }
        }
        Map<String, Shape> orderedShapes = new LinkedHashMap<>();
        Map<String, Long> orderedParameters = new LinkedHashMap<>();
        for (String name : nodes.keySet()) {
            if (shapes.containsKey(name)) {
                orderedShapes.put(name, shapes.get(name));
                orderedParameters.put(name, parameters.get(name));
            }
        }
        return new InferenceResult(orderedShapes, orderedParameters, diagnostics);
    }

    /** The output size along one axis of a convolution or pooling window sliding over {@code in} values. */
    private static int slidingOutputSize(int in, int kernel, int stride, Padding padding) {
        return padding == Padding.SAME
                ? (in + stride - 1) / stride
                : Math.floorDiv(in - kernel, stride) + 1;
    }

    /**
     * Every whole-number setting (units, filters, kernel and stride sides, input shape sizes) must be at
     * least 1; only a sequence length may be 0, meaning "any length". Checked generically over the record
     * components so that a new layer kind is covered without code here.
     */
    private static void checkSizes(String node, Record settings, String prefix) {
        for (RecordComponent component : settings.getClass().getRecordComponents()) {
            Object value = valueOf(component, settings);
            String field = prefix + words(component.getName());
            int minimum = component.getName().equals("length") ? 0 : 1;
            if (value instanceof Integer size && size < minimum) {
                throw new ShapeProblem(Diagnostic.error(node, node + " has " + field + " " + size
                        + ", but it must be at least " + minimum, "set " + field + " to " + minimum + " or more"));
            }
            if (value instanceof Record nested) {
                checkSizes(node, nested, field + " ");
            }
        }
    }

    private static Object valueOf(RecordComponent component, Record settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    /** "vocabularySize" → "vocabulary size". */
    private static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** Values per position: the vector size, the image channels or the sequence step size. */
    private static int featuresOf(Shape shape) {
        if (shape instanceof Shape.Image image) {
            return image.channels();
        }
        if (shape instanceof Shape.Sequence sequence) {
            return sequence.features();
        }
        return ((Shape.Flat) shape).size();
    }

    private static Shape withFeatures(Shape shape, int features) {
        if (shape instanceof Shape.Image image) {
            return new Shape.Image(image.height(), image.width(), features);
        }
        if (shape instanceof Shape.Sequence sequence) {
            return new Shape.Sequence(features, sequence.length());
        }
        return new Shape.Flat(features);
    }

    private record Inferred(Shape shape, long parameters) {
    }

    /** A shape or size problem of one node; ends the inference of that node only. */
    private static final class ShapeProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;

        ShapeProblem(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    /** One node with the shapes arriving on its inputs, in edge order. */
    private record Step(Node node, List<String> inputNames, List<Shape> inputShapes, Map<String, Node> nodes) {

        Inferred infer() {
            Layer layer = node.layer();
            if (layer instanceof Layer.Input input) {
                return new Inferred(input.shape(), 0);
            }
            if (layer instanceof Layer.Dense dense) {
                return fullyConnected(dense.units(), dense.bias());
            }
            if (layer instanceof Layer.Output output) {
                return fullyConnected(output.units(), true);
            }
            if (layer instanceof Layer.Convolution2D conv) {
                Shape.Image in = imageInput();
                long weights = (long) conv.filters() * conv.kernel().height() * conv.kernel().width() * in.channels();
                return new Inferred(slide(in, conv.kernel(), conv.stride(), conv.padding(), conv.filters()),
                        weights + (conv.bias() ? conv.filters() : 0));
            }
            if (layer instanceof Layer.Pooling2D pooling) {
                Shape.Image in = imageInput();
                return new Inferred(slide(in, pooling.kernel(), pooling.stride(), pooling.padding(), in.channels()), 0);
            }
            if (layer instanceof Layer.GlobalPooling) {
                return new Inferred(globalPooling(), 0);
            }
            if (layer instanceof Layer.BatchNormalization) {
                // DL4J keeps gamma, beta and the running mean and variance per feature.
                return new Inferred(input(), 4L * featuresOf(input()));
            }
            if (layer instanceof Layer.Dropout || layer instanceof Layer.ActivationLayer) {
                return new Inferred(input(), 0);
            }
            if (layer instanceof Layer.Flatten) {
                return new Inferred(flatten(), 0);
            }
            if (layer instanceof Layer.Embedding embedding) {
                return new Inferred(new Shape.Sequence(embedding.dimension(), tokenCount()),
                        (long) embedding.vocabularySize() * embedding.dimension());
            }
            if (layer instanceof Layer.Lstm lstm) {
                Shape.Sequence in = sequenceInput();
                long units = lstm.units();
                // Four gates, each with input weights, recurrent weights and a bias (DL4J's LSTM has no peepholes).
                long parameters = 4 * units * (in.features() + units) + 4 * units;
                Shape out = lstm.returnSequences() ? new Shape.Sequence(lstm.units(), in.length()) : new Shape.Flat(lstm.units());
                return new Inferred(out, parameters);
            }
            if (layer instanceof Layer.Add) {
                return new Inferred(sum(), 0);
            }
            if (layer instanceof Layer.Concatenate) {
                return new Inferred(concatenation(), 0);
            }
            throw new IllegalArgumentException("No shape rule for " + layer.kind());
        }

        private Inferred fullyConnected(int units, boolean bias) {
            long in = flatInput().size();
            return new Inferred(new Shape.Flat(units), in * units + (bias ? units : 0));
        }

        private Shape.Image slide(Shape.Image in, Size2D kernel, Size2D stride, Padding padding, int channels) {
            int height = slidingOutputSize(in.height(), kernel.height(), stride.height(), padding);
            int width = slidingOutputSize(in.width(), kernel.width(), stride.width(), padding);
            if (height < 1 || width < 1) {
                throw problem(name() + "'s " + kernel + " kernel is larger than its input, " + in.describe(),
                        "use a smaller kernel or SAME padding, or remove a pooling layer before " + name());
            }
            return new Shape.Image(height, width, channels);
        }

        private Shape globalPooling() {
            if (input() instanceof Shape.Flat) {
                throw wrongInput("an image or a sequence", "remove " + name() + ": a flat vector needs no pooling");
            }
            return new Shape.Flat(featuresOf(input()));
        }

        private Shape flatten() {
            if (input() instanceof Shape.Sequence) {
                throw wrongInput("an image", "to turn a sequence into a flat vector use a global pooling layer "
                        + "or an lstm without return sequences");
            }
            long size = input().elementCount();
            if (size > Integer.MAX_VALUE) {
                throw problem(name() + " would make a vector of " + size + " values, too many to handle",
                        "make the image smaller first with pooling or strided convolutions");
            }
            return new Shape.Flat((int) size);
        }

        /** Token ids come as a sequence of one value per step, or as a flat vector of ids (one per step). */
        private int tokenCount() {
            if (input() instanceof Shape.Flat flat) {
                return flat.size();
            }
            if (input() instanceof Shape.Sequence sequence && sequence.features() == 1) {
                return sequence.length();
            }
            String hint = input() instanceof Shape.Sequence
                    ? "an embedding looks up one token id per step: give " + source() + " 1 value per step, "
                    + "or remove " + name() + " and feed the values to an lstm directly"
                    : "feed " + name() + " from an input of token ids";
            throw wrongInput("token ids (a sequence with 1 value per step)", hint);
        }

        private Shape.Image imageInput() {
            return require(Shape.Image.class, "an image input", () -> hintFromSource(Layer.Flatten.class,
                    "remove " + source() + " or put " + name() + " before it",
                    "give " + source() + " an image shape (height × width × channels)",
                    "feed " + name() + " from an image: an image input, a convolution or a pooling layer"));
        }

        private Shape.Flat flatInput() {
            String between = " between " + source() + " and " + name();
            return require(Shape.Flat.class, "a flat vector", () -> input() instanceof Shape.Image
                    ? "insert a flatten layer (or a global pooling layer)" + between
                    : "insert a global pooling layer, or an lstm without return sequences," + between);
        }

        private Shape.Sequence sequenceInput() {
            return require(Shape.Sequence.class, "a sequence", () -> hintFromSource(Layer.Lstm.class,
                    "turn on return sequences in " + source() + " so that it passes on every step",
                    "give " + source() + " a sequence shape (values per step × length)",
                    "feed " + name() + " from a sequence: a sequence input, an embedding or an lstm that "
                            + "returns sequences"));
        }

        private <S extends Shape> S require(Class<S> kind, String expected, Supplier<String> hint) {
            if (kind.isInstance(input())) {
                return kind.cast(input());
            }
            throw wrongInput(expected, hint.get());
        }

        /** The fix depends on what feeds the node: a layer that made the wrong shape, an input node, or other. */
        private String hintFromSource(Class<? extends Layer> culprit, String undoCulprit, String reshapeInput,
                                      String otherwise) {
            Layer source = nodes.get(source()).layer();
            if (culprit.isInstance(source)) {
                return undoCulprit;
            }
            return source instanceof Layer.Input ? reshapeInput : otherwise;
        }

        private Shape sum() {
            Shape first = inputShapes.get(0);
            for (int i = 1; i < inputShapes.size(); i++) {
                if (!inputShapes.get(i).equals(first)) {
                    throw mismatch("inputs of the same shape", i, "make the branches produce the same shape, "
                            + "e.g. the same number of units or filters and SAME padding");
                }
            }
            return first;
        }

        /** Joins along the features: everything else (image height and width, sequence length) must agree. */
        private Shape concatenation() {
            Shape first = inputShapes.get(0);
            int features = featuresOf(first);
            for (int i = 1; i < inputShapes.size(); i++) {
                Shape other = inputShapes.get(i);
                if (other.getClass() != first.getClass()) {
                    throw mismatch("inputs of the same kind", i,
                            "flatten or pool the images and sequences first, so that all inputs are flat vectors");
                }
                if (!withFeatures(other, 0).equals(withFeatures(first, 0))) {
                    throw first instanceof Shape.Image
                            ? mismatch("images of the same height and width", i,
                            "use SAME padding or the same pooling in both branches")
                            : mismatch("sequences of the same length", i, "give the sequences the same length");
                }
                features += featuresOf(other);
            }
            return withFeatures(first, features);
        }

        private ShapeProblem mismatch(String needed, int input, String hint) {
            return problem(name() + " can only join " + needed + ", but " + inputNames.get(0) + " gives "
                    + inputShapes.get(0).describe() + " and " + inputNames.get(input) + " gives "
                    + inputShapes.get(input).describe(), hint);
        }

        private ShapeProblem wrongInput(String expected, String hint) {
            return problem(name() + " expects " + expected + " but gets " + input().describe(), hint);
        }

        private ShapeProblem problem(String message, String hint) {
            return new ShapeProblem(Diagnostic.error(name(), message, hint));
        }

        private String name() {
            return node.name();
        }

        private Shape input() {
            return inputShapes.get(0);
        }

        private String source() {
            return inputNames.get(0);
        }
    }
}
