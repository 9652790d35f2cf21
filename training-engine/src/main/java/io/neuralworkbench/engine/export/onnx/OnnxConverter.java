package io.neuralworkbench.engine.export.onnx;

import io.neuralworkbench.engine.Version;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.data.text.Vocabulary;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Padding;
import io.neuralworkbench.engine.network.PoolingType;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.network.Size2D;
import onnx.Onnx;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.neuralworkbench.engine.export.onnx.OnnxGraph.floatAttribute;
import static io.neuralworkbench.engine.export.onnx.OnnxGraph.intAttribute;
import static io.neuralworkbench.engine.export.onnx.OnnxGraph.intsAttribute;
import static io.neuralworkbench.engine.export.onnx.OnnxGraph.stringsAttribute;

/**
 * Translates a network description and its trained DL4J graph into an ONNX model, node by node. Tensors keep
 * the batch first: flat vectors [batch, size], images [batch, channels, height, width], sequences
 * [batch, steps, features]. Token ids arrive as int64 [batch, steps]; for a text model the padding mask
 * (id ≠ {@link Vocabulary#PADDING}) is computed in the graph, so pooling and the LSTM skip padding as DL4J does.
 */
final class OnnxConverter {
    private static final int FLOAT = Onnx.TensorProto.DataType.FLOAT_VALUE;
    private static final int INT64 = Onnx.TensorProto.DataType.INT64_VALUE;
    private static final int INT32 = Onnx.TensorProto.DataType.INT32_VALUE;
    private static final int BOOL = Onnx.TensorProto.DataType.BOOL_VALUE;
    /** DL4J's default slope of leaky ReLU (ActivationLReLU.DEFAULT_ALPHA). */
    private static final float LEAKY_RELU_ALPHA = 0.01f;
    /** DL4J's GELU (not "precise") is the sigmoid approximation x · σ(1.702 x). */
    private static final float GELU_SIGMOID_SCALE = 1.702f;

    /**
     * A tensor flowing along a wire.
     *
     * @param mask    float [batch, steps], 1 for a real step, for sequences of a text model; else null
     * @param lengths int32 [batch], real steps per sample, beside the mask; else null
     */
    private record Value(String tensor, Shape shape, String mask, String lengths) {
        Value with(String newTensor, Shape newShape) {
            return new Value(newTensor, newShape, newShape instanceof Shape.Sequence ? mask : null,
                    newShape instanceof Shape.Sequence ? lengths : null);
        }
    }

    private final NetworkDescription network;
    private final ComputationGraph trained;
    private final InputPreprocessing preprocessing;
    private final Map<String, Shape> shapes;
    private final OnnxGraph onnx;
    private final Map<String, Value> values = new HashMap<>();

    private OnnxConverter(NetworkDescription network, ComputationGraph trained, InputPreprocessing preprocessing) {
        this.network = network;
        this.trained = trained;
        this.preprocessing = preprocessing;
        this.shapes = ShapeInference.infer(network).outputShapes();
        this.onnx = new OnnxGraph(network.name());
    }

    /** The network's input node (exactly one, checked by {@link OnnxExport#problems}). */
    static Node inputNode(NetworkDescription network) {
        return network.nodes().stream().filter(n -> n.layer() instanceof Layer.Input).findFirst().orElseThrow();
    }

    static Node outputNode(NetworkDescription network) {
        return network.nodes().stream().filter(n -> n.layer() instanceof Layer.Output).findFirst().orElseThrow();
    }

    /** Whether the input holds token ids, i.e. feeds embeddings. */
    static boolean takesTokenIds(NetworkDescription network) {
        Node input = inputNode(network);
        return network.outputsOf(input.name()).stream()
                .anyMatch(next -> network.node(next).orElseThrow().layer() instanceof Layer.Embedding);
    }

    static Onnx.ModelProto convert(NetworkDescription network, ComputationGraph trained,
                                   InputPreprocessing preprocessing) {
        return new OnnxConverter(network, trained, preprocessing).build();
    }

    private Onnx.ModelProto build() {
        // The graph's input and output carry the nodes' names, so no helper tensor (e.g. "mask") may take them.
        onnx.reserve(inputNode(network).name());
        onnx.reserve(outputNode(network).name());
        for (String name : network.topologicalOrder()) {
            Node node = network.node(name).orElseThrow();
            List<Value> inputs = network.inputsOf(name).stream().map(values::get).toList();
            values.put(name, translate(node, inputs));
        }
        Node output = outputNode(network);
        Value result = values.get(output.name());
        String outputName = output.name();
        onnx.nodeWithOutputs("Identity", List.of(outputName), List.of(result.tensor()));
        onnx.output(outputName, FLOAT, -1, ((Shape.Flat) result.shape()).size());
        return onnx.model(Version.current(), "Exported from Neural Workbench: " + network.name());
    }

    private Value translate(Node node, List<Value> inputs) {
        String name = node.name();
        Shape shape = shapes.get(name);
        Value in = inputs.isEmpty() ? null : inputs.get(0);
        Layer layer = node.layer();
        if (layer instanceof Layer.Input input) {
            return input(name, input.shape());
        } else if (layer instanceof Layer.Dense dense) {
            return in.with(activate(fullyConnected(name, in.tensor(), dense.bias()), dense.activation(), shape, name),
                    shape);
        } else if (layer instanceof Layer.Output output) {
            return in.with(activate(fullyConnected(name, in.tensor(), true), output.activation(), shape, name), shape);
        } else if (layer instanceof Layer.Convolution2D conv) {
            return in.with(activate(convolution(name, in, conv), conv.activation(), shape, name), shape);
        } else if (layer instanceof Layer.Pooling2D pool) {
            return in.with(pooling(name, in, pool), shape);
        } else if (layer instanceof Layer.GlobalPooling pool) {
            return in.with(globalPooling(name, in, pool.pooling()), shape);
        } else if (layer instanceof Layer.BatchNormalization) {
            return in.with(batchNormalization(name, in), shape);
        } else if (layer instanceof Layer.Dropout) {
            // Dropout only acts while training; at inference it passes values through.
            return in.with(onnx.node("Identity", name, List.of(in.tensor())), shape);
        } else if (layer instanceof Layer.Flatten) {
            return in.with(onnx.node("Flatten", name, List.of(in.tensor()), intAttribute("axis", 1)), shape);
        } else if (layer instanceof Layer.Embedding) {
            String weights = onnx.floats(name + ".W", floats(param(name, "W")), param(name, "W").shape());
            return in.with(onnx.node("Gather", name, List.of(weights, in.tensor()), intAttribute("axis", 0)), shape);
        } else if (layer instanceof Layer.Lstm lstm) {
            return in.with(lstm(name, in, lstm), shape);
        } else if (layer instanceof Layer.ActivationLayer act) {
            return in.with(activate(in.tensor(), act.activation(), shape, name), shape);
        } else if (layer instanceof Layer.Add) {
            return in.with(onnx.node("Sum", name, inputs.stream().map(Value::tensor).toList()), shape);
        } else if (layer instanceof Layer.Concatenate) {
            long axis = shape instanceof Shape.Image ? 1 : -1;
            return in.with(onnx.node("Concat", name, inputs.stream().map(Value::tensor).toList(),
                    intAttribute("axis", axis)), shape);
        }
        throw new IllegalStateException("No ONNX translation for layer kind " + layer.kind());
    }

    private Value input(String name, Shape shape) {
        if (takesTokenIds(network)) {
            long steps = shape instanceof Shape.Sequence sequence ? sequence.length() : ((Shape.Flat) shape).size();
            onnx.input(name, INT64, -1, steps);
            if (preprocessing instanceof TextPreprocessing text && text.encoding() == TextEncoding.SEQUENCE) {
                String padding = onnx.longs("padding_id", Vocabulary.PADDING);
                String isPadding = onnx.node("Equal", "is_padding", List.of(name, padding));
                String real = onnx.node("Not", "is_real_step", List.of(isPadding));
                String mask = onnx.node("Cast", "mask", List.of(real), intAttribute("to", FLOAT));
                String count = onnx.node("ReduceSum", "step_count", List.of(mask, onnx.longs("axes", 1)),
                        intAttribute("keepdims", 0));
                String lengths = onnx.node("Cast", "lengths", List.of(count), intAttribute("to", INT32));
                return new Value(name, shape, mask, lengths);
            }
            return new Value(name, shape, null, null);
        }
        if (shape instanceof Shape.Image image) {
            onnx.input(name, FLOAT, -1, image.channels(), image.height(), image.width());
        } else if (shape instanceof Shape.Sequence sequence) {
            onnx.input(name, FLOAT, -1, sequence.length(), sequence.features());
        } else {
            onnx.input(name, FLOAT, -1, ((Shape.Flat) shape).size());
        }
        return new Value(name, shape, null, null);
    }

    /** DL4J keeps dense weights as [inputs, units], which is MatMul's right-hand side as it is. */
    private String fullyConnected(String name, String in, boolean bias) {
        INDArray weights = param(name, "W");
        String product = onnx.node("MatMul", name + "/matmul",
                List.of(in, onnx.floats(name + ".W", floats(weights), weights.shape())));
        if (!bias) {
            return product;
        }
        return onnx.node("Add", name + "/add", List.of(product, onnx.floats(name + ".b", floats(param(name, "b")),
                weights.size(1))));
    }

    /** DL4J keeps convolution weights as [filters, channels, kernel height, kernel width], as ONNX does. */
    private String convolution(String name, Value in, Layer.Convolution2D conv) {
        INDArray weights = param(name, "W");
        List<String> inputs = new ArrayList<>(List.of(in.tensor(),
                onnx.floats(name + ".W", floats(weights), weights.shape())));
        if (conv.bias()) {
            inputs.add(onnx.floats(name + ".b", floats(param(name, "b")), conv.filters()));
        }
        return onnx.node("Conv", name + "/conv", inputs,
                intsAttribute("kernel_shape", conv.kernel().height(), conv.kernel().width()),
                intsAttribute("strides", conv.stride().height(), conv.stride().width()),
                intsAttribute("pads", pads((Shape.Image) in.shape(), conv.kernel(), conv.stride(), conv.padding())));
    }

    private String pooling(String name, Value in, Layer.Pooling2D pool) {
        List<Onnx.AttributeProto> attributes = new ArrayList<>(List.of(
                intsAttribute("kernel_shape", pool.kernel().height(), pool.kernel().width()),
                intsAttribute("strides", pool.stride().height(), pool.stride().width()),
                intsAttribute("pads", pads((Shape.Image) in.shape(), pool.kernel(), pool.stride(), pool.padding()))));
        if (pool.pooling() == PoolingType.AVG) {
            boolean includePadding = dl4jLayer(name) instanceof SubsamplingLayer subsampling
                    && subsampling.isAvgPoolIncludePadInDivisor();
            attributes.add(intAttribute("count_include_pad", includePadding ? 1 : 0));
        }
        return onnx.node(pool.pooling() == PoolingType.MAX ? "MaxPool" : "AveragePool", name, List.of(in.tensor()),
                attributes.toArray(Onnx.AttributeProto[]::new));
    }

    /**
     * Padding as DL4J's "Same" mode places it: the output is ⌈input / stride⌉ and the odd extra row or column
     * goes to the bottom or right. ONNX order: top, left, bottom, right.
     */
    static long[] pads(Shape.Image in, Size2D kernel, Size2D stride, Padding padding) {
        if (padding == Padding.VALID) {
            return new long[] {0, 0, 0, 0};
        }
        long height = samePadding(in.height(), kernel.height(), stride.height());
        long width = samePadding(in.width(), kernel.width(), stride.width());
        return new long[] {height / 2, width / 2, height - height / 2, width - width / 2};
    }

    private static long samePadding(int size, int kernel, int stride) {
        int out = (size + stride - 1) / stride;
        return Math.max(0, (long) (out - 1) * stride + kernel - size);
    }

    private String globalPooling(String name, Value in, PoolingType type) {
        if (in.shape() instanceof Shape.Image) {
            return onnx.node(type == PoolingType.MAX ? "ReduceMax" : "ReduceMean", name, List.of(in.tensor()),
                    intsAttribute("axes", 2, 3), intAttribute("keepdims", 0));
        }
        if (in.mask() == null) {
            return onnx.node(type == PoolingType.MAX ? "ReduceMax" : "ReduceMean", name, List.of(in.tensor()),
                    intsAttribute("axes", 1), intAttribute("keepdims", 0));
        }
        // Padding steps must not count, as in DL4J's masked global pooling.
        String mask = onnx.node("Unsqueeze", name + "/mask", List.of(in.mask(), onnx.longs(name + "/axes", 2)));
        if (type == PoolingType.MAX) {
            String real = onnx.node("Cast", name + "/real", List.of(mask), intAttribute("to", BOOL));
            String lowest = onnx.floats(name + "/lowest", new float[] {-Float.MAX_VALUE});
            String masked = onnx.node("Where", name + "/masked", List.of(real, in.tensor(), lowest));
            return onnx.node("ReduceMax", name, List.of(masked), intsAttribute("axes", 1), intAttribute("keepdims", 0));
        }
        String masked = onnx.node("Mul", name + "/masked", List.of(in.tensor(), mask));
        String sum = onnx.node("ReduceSum", name + "/sum", List.of(masked, onnx.longs(name + "/steps", 1)),
                intAttribute("keepdims", 0));
        String count = onnx.node("ReduceSum", name + "/count", List.of(in.mask(), onnx.longs(name + "/steps", 1)),
                intAttribute("keepdims", 1));
        return onnx.node("Div", name, List.of(sum, count));
    }

    /** Inference form: the running mean and variance DL4J kept while training. */
    private String batchNormalization(String name, Value in) {
        BatchNormalization conf = (BatchNormalization) dl4jLayer(name);
        INDArray variance;
        if (conf.isUseLogStd()) {
            // DL4J may keep log10 of the standard deviation instead of the variance: var = (10^s)².
            INDArray logStd = param(name, BatchNormalizationParamInitializer.GLOBAL_LOG_STD).castTo(DataType.DOUBLE);
            INDArray std = Transforms.pow(Nd4j.valueArrayOf(logStd.shape(), 10.0, DataType.DOUBLE), logStd, false);
            variance = std.mul(std);
        } else {
            variance = param(name, BatchNormalizationParamInitializer.GLOBAL_VAR);
        }
        long features = variance.length();
        String tensor = in.tensor();
        boolean sequence = in.shape() instanceof Shape.Sequence;
        if (sequence) {
            // ONNX normalises axis 1; a sequence keeps its features last.
            tensor = onnx.node("Transpose", name + "/features_first", List.of(tensor), intsAttribute("perm", 0, 2, 1));
        }
        String normalized = onnx.node("BatchNormalization", sequence ? name + "/normalized" : name, List.of(tensor,
                        onnx.floats(name + ".gamma", floats(param(name, BatchNormalizationParamInitializer.GAMMA)), features),
                        onnx.floats(name + ".beta", floats(param(name, BatchNormalizationParamInitializer.BETA)), features),
                        onnx.floats(name + ".mean", floats(param(name, BatchNormalizationParamInitializer.GLOBAL_MEAN)),
                                features),
                        onnx.floats(name + ".var", floats(variance), features)),
                floatAttribute("epsilon", (float) conf.getEps()));
        return sequence ? onnx.node("Transpose", name, List.of(normalized), intsAttribute("perm", 0, 2, 1))
                : normalized;
    }

    /**
     * DL4J keeps an LSTM's input weights as [inputs, 4·units], recurrent weights as [units, 4·units] and the
     * bias as [4·units], in gate blocks (cell input, forget, output, input gate); ONNX wants
     * [4·units, inputs] in the order input, output, forget, cell.
     */
    private String lstm(String name, Value in, Layer.Lstm lstm) {
        int units = lstm.units();
        String weights = onnx.floats(name + ".W", lstmBlocks(param(name, "W"), units), 1, 4L * units,
                param(name, "W").size(0));
        String recurrent = onnx.floats(name + ".R", lstmBlocks(param(name, "RW"), units), 1, 4L * units, units);
        float[] bias = new float[8 * units];
        System.arraycopy(lstmBlocks(param(name, "b").reshape(1, 4L * units), units), 0, bias, 0, 4 * units);
        String biases = onnx.floats(name + ".B", bias, 1, 8L * units);
        String timeMajor = onnx.node("Transpose", name + "/time_major", List.of(in.tensor()),
                intsAttribute("perm", 1, 0, 2));
        String activation = lstmActivation(lstm.activation());
        String all = onnx.unique(name + "/Y");
        String last = onnx.unique(name + "/Y_h");
        onnx.nodeWithOutputs("LSTM", List.of(all, last), List.of(timeMajor, weights, recurrent, biases,
                        in.lengths() == null ? "" : in.lengths()),
                intAttribute("hidden_size", units),
                stringsAttribute("activations", "Sigmoid", activation, activation));
        if (!lstm.returnSequences()) {
            // Y_h is each sample's last real step, as DL4J's LastTimeStep picks it from the mask.
            return onnx.node("Squeeze", name, List.of(last, onnx.longs(name + "/direction", 0)));
        }
        String steps = onnx.node("Squeeze", name + "/steps", List.of(all, onnx.longs(name + "/direction", 1)));
        return onnx.node("Transpose", name, List.of(steps), intsAttribute("perm", 1, 0, 2));
    }

    /** DL4J gate block → ONNX gate position: ONNX's i, o, f, c are DL4J's blocks 3, 2, 1, 0. */
    private static final int[] DL4J_BLOCK_OF_ONNX_GATE = {3, 2, 1, 0};

    /** [rows, 4·units] in DL4J's gate order → [4·units, rows] in ONNX's, row-major. */
    private static float[] lstmBlocks(INDArray dl4j, int units) {
        float[][] matrix = dl4j.castTo(DataType.FLOAT).toFloatMatrix();
        int rows = matrix.length;
        float[] result = new float[4 * units * rows];
        for (int gate = 0; gate < 4; gate++) {
            int from = DL4J_BLOCK_OF_ONNX_GATE[gate] * units;
            for (int unit = 0; unit < units; unit++) {
                for (int row = 0; row < rows; row++) {
                    result[(gate * units + unit) * rows + row] = matrix[row][from + unit];
                }
            }
        }
        return result;
    }

    /** The ONNX name of an activation an LSTM can use, or null when ONNX's LSTM cannot express it. */
    static String lstmActivation(Activation activation) {
        return switch (activation) {
            case TANH -> "Tanh";
            case SIGMOID -> "Sigmoid";
            case RELU -> "Relu";
            case SOFTPLUS -> "Softplus";
            default -> null;
        };
    }

    private String activate(String in, Activation activation, Shape shape, String name) {
        return switch (activation) {
            case IDENTITY -> in;
            case RELU -> onnx.node("Relu", name + "/relu", List.of(in));
            case LEAKY_RELU -> onnx.node("LeakyRelu", name + "/leaky_relu", List.of(in),
                    floatAttribute("alpha", LEAKY_RELU_ALPHA));
            case ELU -> onnx.node("Elu", name + "/elu", List.of(in), floatAttribute("alpha", 1f));
            case SELU -> onnx.node("Selu", name + "/selu", List.of(in));
            case GELU -> onnx.node("Mul", name + "/gelu", List.of(in, onnx.node("Sigmoid", name + "/gelu_gate",
                    List.of(onnx.node("Mul", name + "/gelu_scaled", List.of(in,
                            onnx.floats(name + "/gelu_scale", new float[] {GELU_SIGMOID_SCALE})))))));
            case SWISH -> onnx.node("Mul", name + "/swish", List.of(in,
                    onnx.node("Sigmoid", name + "/swish_gate", List.of(in))));
            case TANH -> onnx.node("Tanh", name + "/tanh", List.of(in));
            case SIGMOID -> onnx.node("Sigmoid", name + "/sigmoid", List.of(in));
            // DL4J's softmax normalises the last axis, also of an image (its width), so ONNX's must too.
            case SOFTMAX -> onnx.node("Softmax", name + "/softmax", List.of(in), intAttribute("axis", -1));
            case SOFTPLUS -> onnx.node("Softplus", name + "/softplus", List.of(in));
        };
    }

    private org.deeplearning4j.nn.conf.layers.Layer dl4jLayer(String name) {
        return ((LayerVertex) trained.getConfiguration().getVertices().get(name)).getLayerConf().getLayer();
    }

    private INDArray param(String name, String key) {
        INDArray value = trained.getLayer(name).paramTable().get(key);
        if (value == null) {
            throw new IllegalStateException("The trained model has no parameter " + key + " for " + name
                    + "; it has " + trained.getLayer(name).paramTable().keySet());
        }
        return value;
    }

    private static float[] floats(INDArray array) {
        return Nd4j.toFlattened('c', array.castTo(DataType.FLOAT)).toFloatVector();
    }
}
