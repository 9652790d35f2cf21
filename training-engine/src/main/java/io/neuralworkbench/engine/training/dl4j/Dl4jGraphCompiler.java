package io.neuralworkbench.engine.training.dl4j;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Loss;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Padding;
import io.neuralworkbench.engine.network.PoolingType;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.WeightInit;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Translates a network description and training configuration into a DL4J {@link ComputationGraphConfiguration}.
 * The description is expected to be valid; the few limits of this backend are reported as user errors.
 */
final class Dl4jGraphCompiler {

    private Dl4jGraphCompiler() {
    }

    static ComputationGraphConfiguration configuration(NetworkDescription network, Map<String, Shape> outputShapes,
                                                       TrainingConfig config) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                // Keeps the forward pass' im2col for backprop instead of recomputing it (~30 % of a LeNet step).
                .cacheMode(CacheMode.DEVICE)
                .updater(updater(config.optimizer(), config.learningRate()));
        if (config.l2() > 0) {
            base.l2(config.l2());
        }
        if (config.optimizer().weightDecay() > 0) {
            base.weightDecay(config.optimizer().weightDecay(), true);
        }
        ComputationGraphConfiguration.GraphBuilder graph = base.graphBuilder();

        List<Node> inputs = network.nodes().stream().filter(n -> n.layer() instanceof Layer.Input).toList();
        List<Node> outputs = network.nodes().stream().filter(n -> n.layer() instanceof Layer.Output).toList();
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new UserInputException("Training needs exactly one input node and one output node; this network has "
                    + inputs.size() + " input(s) and " + outputs.size() + " output(s).");
        }
        config.checkClassWeightsFor((Layer.Output) outputs.get(0).layer());
        List<InputType> inputTypes = new ArrayList<>();
        for (Node node : topologicalOrder(network)) {
            String[] from = network.inputsOf(node.name()).toArray(String[]::new);
            Shape inputShape = from.length == 0 ? null : outputShapes.get(from[0]);
            addNode(graph, node, from, inputShape, inputTypes, config.classWeights());
        }
        graph.setOutputs(outputs.get(0).name());
        graph.setInputTypes(inputTypes.toArray(InputType[]::new));
        ComputationGraphConfiguration built = graph.build();
        restoreEmbeddingVocabularies(network, built);
        removeRepeatedRegularization(built);
        return built;
    }

    /**
     * DL4J M2.1 copies the builder's weight decay onto each layer a second time, which would decay the weights
     * twice as fast as configured: keep each regularization term once.
     */
    private static void removeRepeatedRegularization(ComputationGraphConfiguration conf) {
        for (var vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex && layerVertex.getLayerConf().getLayer() instanceof BaseLayer layer) {
                layer.setRegularization(new ArrayList<>(new LinkedHashSet<>(layer.getRegularization())));
                layer.setRegularizationBias(new ArrayList<>(new LinkedHashSet<>(layer.getRegularizationBias())));
            }
        }
    }

    /**
     * Building a graph with input types overwrites every layer's nIn from its input, which for an embedding
     * is the vocabulary size, not the 1 feature of a token-id sequence: put the vocabulary back.
     */
    private static void restoreEmbeddingVocabularies(NetworkDescription network, ComputationGraphConfiguration conf) {
        for (Node node : network.nodes()) {
            if (node.layer() instanceof Layer.Embedding embedding
                    && conf.getVertices().get(node.name()) instanceof LayerVertex vertex
                    && vertex.getLayerConf().getLayer() instanceof EmbeddingSequenceLayer layer) {
                layer.setNIn(embedding.vocabularySize());
            }
        }
    }

    private static void addNode(ComputationGraphConfiguration.GraphBuilder graph, Node node, String[] from,
                                Shape inputShape, List<InputType> inputTypes, List<Double> classWeights) {
        String name = node.name();
        Layer layer = node.layer();
        if (layer instanceof Layer.Input input) {
            graph.addInputs(name);
            inputTypes.add(inputType(input.shape()));
        } else if (layer instanceof Layer.Dense dense) {
            graph.addLayer(name, withL2(new DenseLayer.Builder()
                    .nOut(dense.units())
                    .activation(activation(dense.activation()))
                    .weightInit(weightInit(dense.weightInit()))
                    .hasBias(dense.bias()), dense.l2()).build(), from);
        } else if (layer instanceof Layer.Convolution2D conv) {
            graph.addLayer(name, withL2(new ConvolutionLayer.Builder()
                    .kernelSize(conv.kernel().height(), conv.kernel().width())
                    .stride(conv.stride().height(), conv.stride().width())
                    .convolutionMode(convolutionMode(conv.padding()))
                    .nOut(conv.filters())
                    .activation(activation(conv.activation()))
                    .weightInit(weightInit(conv.weightInit()))
                    .hasBias(conv.bias()), conv.l2()).build(), from);
        } else if (layer instanceof Layer.Pooling2D pool) {
            graph.addLayer(name, new SubsamplingLayer.Builder(poolingType(pool.pooling()))
                    .kernelSize(pool.kernel().height(), pool.kernel().width())
                    .stride(pool.stride().height(), pool.stride().width())
                    .convolutionMode(convolutionMode(pool.padding()))
                    .build(), from);
        } else if (layer instanceof Layer.GlobalPooling pool) {
            graph.addLayer(name, new GlobalPoolingLayer.Builder(poolingType(pool.pooling())).build(), from);
        } else if (layer instanceof Layer.BatchNormalization norm) {
            graph.addLayer(name, new BatchNormalization.Builder()
                    .decay(norm.momentum()).eps(norm.epsilon()).build(), from);
        } else if (layer instanceof Layer.Dropout dropout) {
            // DL4J's dropout argument is the probability of KEEPING a value.
            graph.addLayer(name, new DropoutLayer.Builder(1.0 - dropout.rate()).build(), from);
        } else if (layer instanceof Layer.Flatten) {
            if (inputShape instanceof Shape.Image image) {
                graph.addVertex(name, new PreprocessorVertex(
                        new CnnToFeedForwardPreProcessor(image.height(), image.width(), image.channels())), from);
            } else {
                graph.addLayer(name, new ActivationLayer.Builder()
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build(), from);
            }
        } else if (layer instanceof Layer.Embedding embedding) {
            EmbeddingSequenceLayer.Builder builder = new EmbeddingSequenceLayer.Builder()
                    .nIn(embedding.vocabularySize())
                    .nOut(embedding.dimension())
                    .hasBias(false)
                    .weightInit(weightInit(embedding.weightInit()));
            if (inputShape instanceof Shape.Sequence sequence && sequence.length() > 0) {
                builder.inputLength(sequence.length());
            } else if (inputShape instanceof Shape.Flat flat) {
                builder.inputLength(flat.size());
            }
            graph.addLayer(name, withL2(builder, embedding.l2()).build(), from);
        } else if (layer instanceof Layer.Lstm lstm) {
            LSTM recurrent = withL2(new LSTM.Builder()
                    .nOut(lstm.units())
                    .activation(activation(lstm.activation()))
                    .weightInit(weightInit(lstm.weightInit())), lstm.l2()).build();
            graph.addLayer(name, lstm.returnSequences() ? recurrent : new LastTimeStep(recurrent), from);
        } else if (layer instanceof Layer.ActivationLayer act) {
            graph.addLayer(name, new ActivationLayer.Builder().activation(activation(act.activation())).build(), from);
        } else if (layer instanceof Layer.Add) {
            graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), from);
        } else if (layer instanceof Layer.Concatenate) {
            graph.addVertex(name, new MergeVertex(), from);
        } else if (layer instanceof Layer.Output output) {
            graph.addLayer(name, withL2(new OutputLayer.Builder(lossFunction(output.loss(), classWeights))
                    .nOut(output.units())
                    .activation(activation(output.activation()))
                    .weightInit(weightInit(output.weightInit())), output.l2()).build(), from);
        } else {
            throw new IllegalStateException("No DL4J mapping for layer kind " + layer.kind());
        }
    }

    private static <B extends BaseLayer.Builder<B>> B withL2(B builder, Double l2) {
        if (l2 != null) {
            builder.l2(l2);
        }
        return builder;
    }

    /** Flat feature rows are the data's layout; the first layer's preprocessor reshapes them. */
    static InputType inputType(Shape shape) {
        if (shape instanceof Shape.Image image) {
            return InputType.convolutionalFlat(image.height(), image.width(), image.channels());
        }
        if (shape instanceof Shape.Sequence sequence) {
            return InputType.recurrent(sequence.features(), sequence.length());
        }
        return InputType.feedForward(((Shape.Flat) shape).size());
    }

    static List<Node> topologicalOrder(NetworkDescription network) {
        Map<String, Integer> pending = new HashMap<>();
        for (Node node : network.nodes()) {
            pending.put(node.name(), network.inputsOf(node.name()).size());
        }
        Deque<String> ready = new ArrayDeque<>();
        network.nodes().stream().filter(n -> pending.get(n.name()) == 0).forEach(n -> ready.add(n.name()));
        List<Node> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String name = ready.poll();
            order.add(network.node(name).orElseThrow());
            for (String next : network.outputsOf(name)) {
                if (pending.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() != network.nodes().size()) {
            throw new UserInputException("The network has a cycle; validate it to see which nodes form it.");
        }
        return order;
    }

    static IUpdater updater(Optimizer optimizer, double learningRate) {
        return switch (optimizer.type()) {
            case SGD -> new Sgd(learningRate);
            case SGD_NESTEROV -> new Nesterovs(learningRate, optimizer.momentum());
            case ADAM, ADAMW -> new Adam(learningRate, optimizer.beta1(), optimizer.beta2(), Adam.DEFAULT_ADAM_EPSILON);
            case RMSPROP -> new RmsProp(learningRate, optimizer.rmsDecay(), RmsProp.DEFAULT_RMSPROP_EPSILON);
        };
    }

    static org.nd4j.linalg.activations.Activation activation(Activation activation) {
        return switch (activation) {
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LEAKY_RELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
            case ELU -> org.nd4j.linalg.activations.Activation.ELU;
            case SELU -> org.nd4j.linalg.activations.Activation.SELU;
            case GELU -> org.nd4j.linalg.activations.Activation.GELU;
            case SWISH -> org.nd4j.linalg.activations.Activation.SWISH;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case SOFTMAX -> org.nd4j.linalg.activations.Activation.SOFTMAX;
            case SOFTPLUS -> org.nd4j.linalg.activations.Activation.SOFTPLUS;
        };
    }

    static org.deeplearning4j.nn.weights.WeightInit weightInit(WeightInit init) {
        return switch (init) {
            case XAVIER -> org.deeplearning4j.nn.weights.WeightInit.XAVIER;
            case XAVIER_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.XAVIER_UNIFORM;
            case HE -> org.deeplearning4j.nn.weights.WeightInit.RELU;
            case HE_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.RELU_UNIFORM;
            case LECUN_NORMAL -> org.deeplearning4j.nn.weights.WeightInit.LECUN_NORMAL;
        };
    }

    static LossFunctions.LossFunction loss(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> LossFunctions.LossFunction.MCXENT;
            case BINARY_CROSS_ENTROPY -> LossFunctions.LossFunction.XENT;
            case MSE -> LossFunctions.LossFunction.MSE;
            case MAE -> LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR;
        };
    }

    /** The output's loss, weighing each class (output column) as given when there are class weights. */
    static ILossFunction lossFunction(Loss loss, List<Double> classWeights) {
        if (classWeights == null) {
            return loss(loss).getILossFunction();
        }
        float[] values = new float[classWeights.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = classWeights.get(i).floatValue();
        }
        INDArray weights = Nd4j.createFromArray(values).reshape(1, values.length);
        return switch (loss) {
            case CROSS_ENTROPY -> new LossMCXENT(weights);
            case BINARY_CROSS_ENTROPY -> new LossBinaryXENT(weights);
            // TrainingConfig.checkClassWeightsFor refuses weights on regression losses before this point.
            case MSE, MAE -> throw new IllegalStateException("class weights on a regression loss");
        };
    }

    private static ConvolutionMode convolutionMode(Padding padding) {
        return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private static org.deeplearning4j.nn.conf.layers.PoolingType poolingType(PoolingType type) {
        return type == PoolingType.MAX ? org.deeplearning4j.nn.conf.layers.PoolingType.MAX
                : org.deeplearning4j.nn.conf.layers.PoolingType.AVG;
    }
}
