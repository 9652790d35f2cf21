package io.neuralworkbench.engine.training.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.InferenceResult;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Padding;
import io.neuralworkbench.engine.network.PoolingType;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.network.Size2D;
import io.neuralworkbench.engine.network.WeightInit;
import io.neuralworkbench.engine.training.TrainingConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A network description compiled to PyTorch operations: one step per node, run in wiring order, with the
 * weights as PyTorch tensors laid out as {@code torch.nn} lays them out. Activations flow batch-first: flat
 * [batch, features], images [batch, channels, height, width], sequences [batch, time, features].
 * Each step reproduces what the DL4J backend computes for the same node, so weights can move between them.
 */
final class PyTorchGraph {
    /** What a tensor is to its layer; decides its DL4J counterpart and whether L2 applies to it. */
    enum Role {
        /** Dense or output weights, [out, in]. */
        DENSE_WEIGHT,
        /** Convolution kernels, [out, in, height, width]. */
        CONVOLUTION_WEIGHT,
        BIAS,
        /** Word vectors, [vocabulary, dimension]. */
        EMBEDDING,
        /** LSTM input weights, [4·units, in], gates in PyTorch's order (input, forget, cell, output). */
        LSTM_INPUT_WEIGHT,
        /** LSTM recurrent weights, [4·units, units]. */
        LSTM_RECURRENT_WEIGHT,
        LSTM_INPUT_BIAS,
        /** PyTorch's second LSTM bias; DL4J has one, the sum of both. */
        LSTM_RECURRENT_BIAS,
        GAMMA,
        BETA,
        /** Batch-norm running statistics: updated by the forward pass, never by the optimizer. */
        RUNNING_MEAN,
        RUNNING_VARIANCE;

        boolean trainable() {
            return this != RUNNING_MEAN && this != RUNNING_VARIANCE;
        }

        /** DL4J regularises weights, not biases or batch-norm parameters. */
        boolean regularised() {
            return this == DENSE_WEIGHT || this == CONVOLUTION_WEIGHT || this == EMBEDDING
                    || this == LSTM_INPUT_WEIGHT || this == LSTM_RECURRENT_WEIGHT;
        }
    }

    /**
     * One tensor of the network with the regularisation that applies to it (0 for none): the L2 penalty
     * coefficient and the decoupled weight decay per unit of learning rate.
     */
    record Tensor(String node, Role role, NDArray array, double l2, double weightDecay) {
        String id() {
            return node + "/" + role;
        }
    }

    /** One node's computation on the outputs of its inputs, in edge order. */
    private interface Step {
        NDArray apply(List<NDArray> inputs, boolean training);

        /**
         * The same with the padding mask of sequence inputs ([batch, time], 1 = real step, or null): steps
         * whose result would change with the padding override it, the others ignore the mask.
         */
        default NDArray apply(List<NDArray> inputs, NDArray mask, boolean training) {
            return apply(inputs, training);
        }
    }

    /** A step that leaves padded time steps out, as DL4J's layers do when given a feature mask. */
    private interface MaskedStep {
        NDArray apply(List<NDArray> inputs, NDArray mask, boolean training);
    }

    private static Step masked(MaskedStep step) {
        return new Step() {
            @Override
            public NDArray apply(List<NDArray> inputs, boolean training) {
                return step.apply(inputs, null, training);
            }

            @Override
            public NDArray apply(List<NDArray> inputs, NDArray mask, boolean training) {
                return step.apply(inputs, mask, training);
            }
        };
    }

    private record CompiledNode(String name, List<String> inputs, Step step) {
    }

    /** Added (negated) to padded steps before a max pooling: far below any activation, still finite in float. */
    private static final float PADDING_EXCLUDED_FROM_MAX = 1e30f;
    /** DL4J's leaky ReLU slope and GELU approximation (x·σ(1.702x)), so both backends compute the same. */
    private static final float LEAKY_RELU_SLOPE = 0.01f;
    private static final float GELU_SIGMOID_SCALE = 1.702f;

    private final NDManager manager;
    private final Random random;
    private final double defaultL2;
    private final double weightDecay;
    private final List<CompiledNode> steps = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private final String inputName;
    private final Shape inputShape;
    private final Layer.Output output;
    private final String outputName;

    private PyTorchGraph(NDManager manager, NetworkDescription network, InferenceResult inference,
                         TrainingConfig config) {
        this.manager = manager;
        this.random = new Random(config.seed());
        this.defaultL2 = config.l2();
        this.weightDecay = config.optimizer().weightDecay();
        List<Node> inputs = network.nodes().stream().filter(n -> n.layer() instanceof Layer.Input).toList();
        List<Node> outputs = network.nodes().stream().filter(n -> n.layer() instanceof Layer.Output).toList();
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new UserInputException("Training needs exactly one input node and one output node; this network has "
                    + inputs.size() + " input(s) and " + outputs.size() + " output(s).");
        }
        inputName = inputs.get(0).name();
        inputShape = ((Layer.Input) inputs.get(0).layer()).shape();
        outputName = outputs.get(0).name();
        output = (Layer.Output) outputs.get(0).layer();
        config.checkClassWeightsFor(output);
        List<String> order = network.topologicalOrder();
        if (order.size() != network.nodes().size()) {
            throw new UserInputException("The network has a cycle; validate it to see which nodes form it.");
        }
        for (String name : order) {
            Node node = network.node(name).orElseThrow();
            if (!(node.layer() instanceof Layer.Input)) {
                List<String> from = network.inputsOf(name);
                steps.add(new CompiledNode(name, from, compile(node, inference.outputShapes().get(from.get(0)))));
            }
        }
    }

    /**
     * Compiles a valid description with freshly initialised weights (DL4J's initialisation rules, drawn from
     * the configured seed) into tensors owned by {@code manager}.
     *
     * @throws UserInputException if the network is not valid or uses something PyTorch cannot reproduce
     */
    static PyTorchGraph compile(NDManager manager, NetworkDescription network, TrainingConfig config) {
        InferenceResult inference = ShapeInference.infer(network);
        inference.diagnostics().stream().filter(Diagnostic::isError).findFirst().ifPresent(error -> {
            throw new UserInputException("The network is not valid: " + error);
        });
        return new PyTorchGraph(manager, network, inference, config);
    }

    List<Tensor> tensors() {
        return tensors;
    }

    Shape inputShape() {
        return inputShape;
    }

    Layer.Output output() {
        return output;
    }

    /** Runs the network on a batch in this graph's layout; returns the output layer's values before its activation. */
    NDArray forward(NDArray input, boolean training) {
        return forward(input, null, training);
    }

    /**
     * The same for padded sequences: {@code mask} ([batch, time], 1 for a real step, 0 for padding, or null)
     * keeps the padding out of pooling and out of an LSTM's last step. Every sequence keeps its length
     * through the network, so the one mask holds for every sequence-valued node.
     */
    NDArray forward(NDArray input, NDArray mask, boolean training) {
        return forwardEveryNode(input, mask, training).get(outputName);
    }

    /** Every node's values for a batch, the input first, then in execution order (the output before its activation). */
    Map<String, NDArray> forwardEveryNode(NDArray input, NDArray mask, boolean training) {
        Map<String, NDArray> values = new java.util.LinkedHashMap<>();
        values.put(inputName, input);
        for (CompiledNode node : steps) {
            values.put(node.name(), node.step().apply(node.inputs().stream().map(values::get).toList(), mask,
                    training));
        }
        return values;
    }

    String inputName() {
        return inputName;
    }

    String outputName() {
        return outputName;
    }

    private Step compile(Node node, Shape in) {
        String name = node.name();
        Layer layer = node.layer();
        if (layer instanceof Layer.Dense dense) {
            return denseStep(name, ((Shape.Flat) in).size(), dense.units(), dense.bias(), dense.weightInit(), dense.l2(),
                    dense.activation());
        } else if (layer instanceof Layer.Output out) {
            // The output activation belongs to the loss (softmax with cross-entropy is computed from the logits).
            return denseStep(name, ((Shape.Flat) in).size(), out.units(), true, out.weightInit(), out.l2(),
                    Activation.IDENTITY);
        } else if (layer instanceof Layer.Convolution2D conv) {
            return convolutionStep(name, (Shape.Image) in, conv);
        } else if (layer instanceof Layer.Pooling2D pool) {
            return poolingStep((Shape.Image) in, pool);
        } else if (layer instanceof Layer.GlobalPooling pool) {
            return globalPoolingStep(in, pool.pooling());
        } else if (layer instanceof Layer.BatchNormalization norm) {
            return batchNormStep(name, in, norm);
        } else if (layer instanceof Layer.Dropout dropout) {
            float rate = (float) dropout.rate();
            return (inputs, training) -> inputs.get(0).getNDArrayInternal()
                    .dropout(inputs.get(0), rate, training).singletonOrThrow();
        } else if (layer instanceof Layer.Flatten) {
            return (inputs, training) -> inputs.get(0).reshape(inputs.get(0).getShape().get(0), -1);
        } else if (layer instanceof Layer.Embedding embedding) {
            return embeddingStep(name, embedding);
        } else if (layer instanceof Layer.Lstm lstm) {
            return lstmStep(name, (Shape.Sequence) in, lstm);
        } else if (layer instanceof Layer.ActivationLayer act) {
            int axis = featureAxis(in);
            return (inputs, training) -> activate(inputs.get(0), act.activation(), axis);
        } else if (layer instanceof Layer.Add) {
            return (inputs, training) -> {
                NDArray sum = inputs.get(0).add(inputs.get(1));
                for (int i = 2; i < inputs.size(); i++) {
                    sum.addi(inputs.get(i));
                }
                return sum;
            };
        } else if (layer instanceof Layer.Concatenate) {
            int axis = featureAxis(in);
            return (inputs, training) -> NDArrays.concat(new NDList(inputs), axis);
        }
        throw new UserInputException("Node " + name + " is a " + layer.kind()
                + " layer, which the PyTorch backend cannot train; use the DL4J backend for this network.");
    }

    /**
     * Pools over time, or over height and width (flattened first: DJL's PyTorch engine reduces one axis at a
     * time). Over padded sequences only the real steps count, as in DL4J's masked pooling: the average
     * divides by their number, and the maximum never picks a padded step.
     */
    private static Step globalPoolingStep(Shape in, PoolingType pooling) {
        boolean image = in instanceof Shape.Image;
        int[] axis = {image ? 2 : 1};
        return masked((inputs, mask, training) -> {
            NDArray x = inputs.get(0);
            if (mask != null && in instanceof Shape.Sequence) {
                NDArray steps = mask.expandDims(2);
                if (pooling == PoolingType.MAX) {
                    return x.add(steps.sub(1).mul(PADDING_EXCLUDED_FROM_MAX)).max(axis);
                }
                return x.mul(steps).sum(axis).div(steps.sum(axis));
            }
            NDArray values = image ? x.reshape(x.getShape().get(0), x.getShape().get(1), -1) : x;
            return pooling == PoolingType.MAX ? values.max(axis) : values.mean(axis);
        });
    }

    /** A tensor shape (not to be confused with the engine's {@link Shape} of a sample). */
    private static ai.djl.ndarray.types.Shape dims(long... sizes) {
        return new ai.djl.ndarray.types.Shape(sizes);
    }

    /** The axis that holds features or channels, the one softmax and concatenation work along. */
    private static int featureAxis(Shape shape) {
        return shape instanceof Shape.Sequence ? 2 : 1;
    }

    private Step denseStep(String name, int in, int units, boolean bias, WeightInit init, Double l2,
                           Activation activation) {
        NDArray weight = add(name, Role.DENSE_WEIGHT, initialised(init, in, units, units, in), l2);
        NDArray biasArray = bias ? add(name, Role.BIAS, manager.zeros(dims(units)), null) : null;
        return (inputs, training) -> {
            NDArray x = inputs.get(0);
            return activate(x.getNDArrayInternal().linear(x, weight, biasArray).singletonOrThrow(), activation, 1);
        };
    }

    private Step convolutionStep(String name, Shape.Image in, Layer.Convolution2D conv) {
        Size2D kernel = conv.kernel();
        int area = kernel.height() * kernel.width();
        NDArray weight = add(name, Role.CONVOLUTION_WEIGHT, initialised(conv.weightInit(), in.channels() * area,
                conv.filters() * area, conv.filters(), in.channels(), kernel.height(), kernel.width()), conv.l2());
        NDArray bias = conv.bias()
                ? add(name, Role.BIAS, manager.zeros(dims(conv.filters())), null) : null;
        ai.djl.ndarray.types.Shape padding = samePadding(in, kernel, conv.stride(), conv.padding());
        ai.djl.ndarray.types.Shape stride = dims(conv.stride().height(), conv.stride().width());
        ai.djl.ndarray.types.Shape none = dims(0, 0);
        ai.djl.ndarray.types.Shape dilation = dims(1, 1);
        return (inputs, training) -> {
            NDArray x = padding == null ? inputs.get(0) : inputs.get(0).pad(padding, 0);
            NDArray y = x.getNDArrayInternal().convolution(x, weight, bias, stride, none, dilation, 1).singletonOrThrow();
            return activate(y, conv.activation(), 1);
        };
    }

    private Step poolingStep(Shape.Image in, Layer.Pooling2D pool) {
        ai.djl.ndarray.types.Shape kernel = dims(pool.kernel().height(), pool.kernel().width());
        ai.djl.ndarray.types.Shape stride = dims(pool.stride().height(), pool.stride().width());
        ai.djl.ndarray.types.Shape none = dims(0, 0);
        ai.djl.ndarray.types.Shape padding = samePadding(in, pool.kernel(), pool.stride(), pool.padding());
        if (pool.pooling() == PoolingType.MAX) {
            return (inputs, training) -> {
                NDArray x = padding == null ? inputs.get(0) : inputs.get(0).pad(padding, Double.NEGATIVE_INFINITY);
                return x.getNDArrayInternal().maxPool(kernel, stride, none, false);
            };
        }
        if (padding == null) {
            return (inputs, training) -> inputs.get(0).getNDArrayInternal().avgPool(kernel, stride, none, false, true);
        }
        // DL4J leaves the padding out of the divisor: average of the padded input over the share of real values.
        return (inputs, training) -> {
            NDArray x = inputs.get(0);
            NDArray sums = x.pad(padding, 0).getNDArrayInternal().avgPool(kernel, stride, none, false, true);
            NDArray realShare = x.onesLike().pad(padding, 0).getNDArrayInternal().avgPool(kernel, stride, none, false, true);
            return sums.divi(realShare);
        };
    }

    /**
     * DL4J's SAME mode pads so that the output is ⌈in / stride⌉, with any odd padding pixel at the bottom and
     * right; PyTorch's own padding is symmetric, so the input is padded explicitly. Null when nothing is padded.
     * The result is in PyTorch's pad order: left, right, top, bottom.
     */
    private static ai.djl.ndarray.types.Shape samePadding(Shape.Image in, Size2D kernel, Size2D stride,
                                                          Padding padding) {
        if (padding != Padding.SAME) {
            return null;
        }
        int height = padTotal(in.height(), kernel.height(), stride.height());
        int width = padTotal(in.width(), kernel.width(), stride.width());
        if (height == 0 && width == 0) {
            return null;
        }
        return dims(width / 2, width - width / 2, height / 2, height - height / 2);
    }

    private static int padTotal(int in, int kernel, int stride) {
        int out = (in + stride - 1) / stride;
        return Math.max(0, (out - 1) * stride + kernel - in);
    }

    private Step batchNormStep(String name, Shape in, Layer.BatchNormalization norm) {
        int features = in instanceof Shape.Image image ? image.channels()
                : in instanceof Shape.Sequence sequence ? sequence.features() : ((Shape.Flat) in).size();
        ai.djl.ndarray.types.Shape shape = dims(features);
        NDArray gamma = add(name, Role.GAMMA, manager.ones(shape), null);
        NDArray beta = add(name, Role.BETA, manager.zeros(shape), null);
        NDArray mean = add(name, Role.RUNNING_MEAN, manager.zeros(shape), null);
        NDArray variance = add(name, Role.RUNNING_VARIANCE, manager.ones(shape), null);
        // DJL's -1 means PyTorch's own axis 1, which it normalises without transposing to and fro.
        int axis = featureAxis(in) == 1 ? -1 : featureAxis(in);
        // DJL takes the share of the running average that is kept, as DL4J's decay does, and converts for PyTorch.
        float momentum = (float) norm.momentum();
        float epsilon = (float) norm.epsilon();
        return (inputs, training) -> inputs.get(0).getNDArrayInternal()
                .batchNorm(inputs.get(0), mean, variance, gamma, beta, axis, momentum, epsilon, training)
                .singletonOrThrow();
    }

    private Step embeddingStep(String name, Layer.Embedding embedding) {
        NDArray vectors = add(name, Role.EMBEDDING, initialised(embedding.weightInit(), embedding.vocabularySize(),
                embedding.dimension(), embedding.vocabularySize(), embedding.dimension()), embedding.l2());
        return masked((inputs, mask, training) -> {
            NDArray x = inputs.get(0);
            // Token ids arrive as [batch, time, 1] (a sequence of one value per step) or [batch, time] (flat).
            NDArray ids = (x.getShape().dimension() == 3 ? x.reshape(x.getShape().get(0), -1) : x)
                    .toType(DataType.INT64, false);
            NDArray words = ids.getNDArrayInternal().embedding(ids, vectors, SparseFormat.DENSE).singletonOrThrow();
            // DL4J zeroes the vectors of padded steps; later unmasked layers then see the same values.
            return mask == null ? words : words.mul(mask.expandDims(2));
        });
    }

    /** Why this backend cannot train the layer, or null when it can: PyTorch's LSTM has no other activation. */
    static String whyItCannotTrain(String name, Layer layer) {
        if (layer instanceof Layer.Lstm lstm && lstm.activation() != Activation.TANH) {
            return "Node " + name + " is an lstm with " + lstm.activation() + " activation; PyTorch's LSTM only has tanh";
        }
        return null;
    }

    private Step lstmStep(String name, Shape.Sequence in, Layer.Lstm lstm) {
        String problem = whyItCannotTrain(name, lstm);
        if (problem != null) {
            throw new UserInputException(problem + ". Set the activation to TANH or use the DL4J backend.");
        }
        int units = lstm.units();
        ai.djl.ndarray.types.Shape gates = dims(4L * units);
        NDArray inputWeight = add(name, Role.LSTM_INPUT_WEIGHT,
                initialised(lstm.weightInit(), units, in.features() + units, 4 * units, in.features()), lstm.l2());
        NDArray recurrentWeight = add(name, Role.LSTM_RECURRENT_WEIGHT,
                initialised(lstm.weightInit(), units, in.features() + units, 4 * units, units), lstm.l2());
        // DL4J starts the forget gate's bias at 1 so that early training remembers.
        float[] bias = new float[4 * units];
        java.util.Arrays.fill(bias, units, 2 * units, 1f);
        NDArray inputBias = add(name, Role.LSTM_INPUT_BIAS, manager.create(bias), null);
        NDArray recurrentBias = add(name, Role.LSTM_RECURRENT_BIAS, manager.zeros(gates), null);
        NDList weights = new NDList(inputWeight, recurrentWeight, inputBias, recurrentBias);
        boolean everyStep = lstm.returnSequences();
        return masked((inputs, mask, training) -> {
            NDArray x = inputs.get(0);
            ai.djl.ndarray.types.Shape stateShape = dims(1, x.getShape().get(0), units);
            NDList initialState = new NDList(x.getManager().zeros(stateShape), x.getManager().zeros(stateShape));
            NDList result = x.getNDArrayInternal().lstm(x, initialState, weights, true, 1, 0, training, false, true);
            if (mask == null) {
                return everyStep ? result.get(0) : result.get(1).squeeze(0);
            }
            // Padding follows the real steps, so the outputs of real steps do not depend on it; DL4J zeroes
            // the outputs of padded steps and, without every step, takes the last real one.
            NDArray outputs = result.get(0);
            return everyStep ? outputs.mul(mask.expandDims(2)) : outputs.mul(lastRealStep(mask).expandDims(2)).sum(
                    new int[] {1});
        });
    }

    /** [batch, time]: 1 at each row's last step whose mask is 1, 0 elsewhere. */
    private static NDArray lastRealStep(NDArray mask) {
        NDArray steps = mask.getManager().arange(0f, (float) mask.getShape().get(1));
        NDArray last = mask.mul(steps.add(1)).argMax(1).toType(DataType.FLOAT32, false);
        return steps.expandDims(0).eq(last.expandDims(1)).toType(DataType.FLOAT32, false);
    }

    static NDArray activate(NDArray x, Activation activation, int featureAxis) {
        return switch (activation) {
            case IDENTITY -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyRelu(x, LEAKY_RELU_SLOPE);
            case ELU -> ai.djl.nn.Activation.elu(x, 1f);
            case SELU -> ai.djl.nn.Activation.selu(x);
            case GELU -> x.mul(ai.djl.nn.Activation.sigmoid(x.mul(GELU_SIGMOID_SCALE)));
            case SWISH -> x.mul(ai.djl.nn.Activation.sigmoid(x));
            case TANH -> ai.djl.nn.Activation.tanh(x);
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
            case SOFTMAX -> x.softmax(featureAxis);
            case SOFTPLUS -> ai.djl.nn.Activation.softPlus(x);
        };
    }

    /**
     * Registers a tensor with DL4J's regularisation rules: a layer's own L2 replaces the configuration's
     * regularisation; otherwise weight decay, when set, replaces the configuration's L2 (DL4J drops L2 then).
     */
    private NDArray add(String node, Role role, NDArray array, Double layerL2) {
        array.setRequiresGradient(role.trainable());
        boolean ownL2 = layerL2 != null && layerL2 > 0;
        double l2 = !role.regularised() ? 0 : ownL2 ? layerL2 : weightDecay > 0 ? 0 : defaultL2;
        double decay = !role.regularised() || ownL2 ? 0 : weightDecay;
        tensors.add(new Tensor(node, role, array, l2, decay));
        return array;
    }

    /**
     * Random weights of the given shape with the distribution DL4J uses for {@code init}: Xavier from fan-in
     * and fan-out, He and LeCun from fan-in.
     */
    private NDArray initialised(WeightInit init, long fanIn, long fanOut, long... shape) {
        int count = 1;
        for (long size : shape) {
            count *= (int) size;
        }
        float[] values = new float[count];
        double scale = switch (init) {
            case XAVIER -> Math.sqrt(2.0 / (fanIn + fanOut));
            case XAVIER_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
            case HE -> Math.sqrt(2.0 / fanIn);
            case HE_UNIFORM -> Math.sqrt(6.0 / fanIn);
            case LECUN_NORMAL -> Math.sqrt(1.0 / fanIn);
        };
        boolean uniform = init == WeightInit.XAVIER_UNIFORM || init == WeightInit.HE_UNIFORM;
        for (int i = 0; i < count; i++) {
            values[i] = (float) (scale * (uniform ? 2 * random.nextDouble() - 1 : random.nextGaussian()));
        }
        return manager.create(values, dims(shape));
    }
}
