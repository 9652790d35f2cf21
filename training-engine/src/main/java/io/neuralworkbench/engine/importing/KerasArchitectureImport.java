package io.neuralworkbench.engine.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Loss;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Padding;
import io.neuralworkbench.engine.network.PoolingType;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Size2D;
import io.neuralworkbench.engine.network.WeightInit;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.layers.core.KerasFlatten;
import org.deeplearning4j.nn.modelimport.keras.layers.KerasInput;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the architecture (not the weights) of a Keras {@code .h5} model file through DL4J's Keras import and
 * maps its layers to our {@link NetworkDescription}. DL4J parses the Keras configuration into its own layer
 * configurations; we translate those, layer by layer, and name every layer we have no node kind for, so the user
 * knows exactly what stopped the import.
 *
 * <p>Keras 2 files (and tf.keras) are read as they are. DL4J 1.0.0-M2.1 refuses Keras 3 files outright, although
 * in the Keras 3 Sequential models we have seen, what DL4J reads differs from Keras 2 in two places only (the
 * input's {@code batch_shape}, and a dtype that may be a policy object); those are rewritten into the Keras 2
 * layout first, and if DL4J still fails, the message says the file is from Keras 3. Keras 3 functional models keep their wiring in a new form; they are refused with a message that says so.
 */
public final class KerasArchitectureImport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** DL4J's activation classes for Keras's activation names, and ours. */
    private static final Map<Class<? extends IActivation>, Activation> ACTIVATIONS = Map.ofEntries(
            Map.entry(ActivationIdentity.class, Activation.IDENTITY), Map.entry(ActivationReLU.class, Activation.RELU),
            Map.entry(ActivationLReLU.class, Activation.LEAKY_RELU), Map.entry(ActivationELU.class, Activation.ELU),
            Map.entry(ActivationSELU.class, Activation.SELU), Map.entry(ActivationGELU.class, Activation.GELU),
            Map.entry(ActivationSwish.class, Activation.SWISH), Map.entry(ActivationTanH.class, Activation.TANH),
            Map.entry(ActivationSigmoid.class, Activation.SIGMOID), Map.entry(ActivationSoftmax.class, Activation.SOFTMAX),
            Map.entry(ActivationSoftPlus.class, Activation.SOFTPLUS));

    private KerasArchitectureImport() {
    }

    /**
     * The network described by the Keras model file.
     *
     * @throws UserInputException when the file cannot be read as a Keras model, was saved by Keras 3, or holds
     *                            layers we cannot map (each named with its Keras class)
     */
    public static NetworkDescription read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("There is no file " + file + ". Choose a Keras model saved as .h5.");
        }
        String fileName = file.getFileName().toString();
        if (!startsWithHdf5Signature(file)) {
            throw new UserInputException(fileName + " is not a Keras model file DL4J can open (it is not an HDF5 "
                    + "file). Choose a model saved by Keras 2 or tf.keras with model.save(\"model.h5\").");
        }
        String modelConfig;
        String kerasVersion;
        String backend;
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new UserInputException(fileName + " holds only weights, no model architecture (it was saved "
                        + "with save_weights). Save the whole model with model.save(\"model.h5\") and import that.");
            }
            modelConfig = archive.readAttributeAsJson("model_config");
            kerasVersion = archive.hasAttribute("keras_version") ? archive.readAttributeAsString("keras_version") : "";
            backend = archive.hasAttribute("backend") ? archive.readAttributeAsString("backend") : "tensorflow";
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException | UnsupportedKerasConfigurationException e) {
            throw new UserInputException(fileName + " is not a Keras model file DL4J can open (" + e.getMessage()
                    + "). Choose a model saved by Keras 2 or tf.keras with model.save(\"model.h5\").", e);
        }
        return fromModelJson(fileName, modelConfig, kerasVersion, backend);
    }

    /** The network of a Keras model configuration (the JSON of {@code model.to_json()}), named after its source. */
    static NetworkDescription fromModelJson(String fileName, String modelConfig, String kerasVersion, String backend) {
        kerasVersion = kerasVersion.trim();
        if (majorVersion(kerasVersion) < 3) {
            return map(fileName, parse(fileName, withVersion(modelConfig, kerasVersion, backend)));
        }
        String keras3 = fileName + " was saved by Keras " + kerasVersion + ". DL4J's Keras import (1.0.0-M2.1) reads "
                + "only files saved by Keras 1 and 2, and Keras 3 lays the model out differently in the file; ";
        String resave = " Re-save the model with Keras 2 or tf.keras (TensorFlow 2.15 or earlier, "
                + "model.save(\"model.h5\")), or build it in the designer.";
        ObjectNode config = parseJson(modelConfig);
        if (!"Sequential".equals(config.path("class_name").asText())) {
            throw new UserInputException(keras3 + "the designer translates only Keras 3 Sequential models, and this is a "
                    + config.path("class_name").asText("different") + " model." + resave);
        }
        KerasModel parsed;
        try {
            parsed = parse(fileName, withVersion(asKeras2(config).toString(), "2", backend));
        } catch (UserInputException e) {
            throw new UserInputException(keras3 + "translated to the Keras 2 layout, it still failed: " + e.getMessage()
                    + resave, e);
        }
        return map(fileName, parsed); // a layer without a node kind is named as for any other file
    }

    /** The Keras 3 Sequential layout in Keras 2's words, where DL4J reads them. */
    private static ObjectNode asKeras2(ObjectNode config) {
        for (JsonNode layer : config.path("config").path("layers")) {
            if (layer.path("config") instanceof ObjectNode layerConfig) {
                JsonNode batchShape = layerConfig.remove("batch_shape");
                if (batchShape != null) {
                    layerConfig.set("batch_input_shape", batchShape);
                }
                JsonNode dtype = layerConfig.path("dtype"); // Keras 3.4+: {"class_name": "DTypePolicy", "config": {"name": …}}
                if (dtype.isObject()) {
                    layerConfig.put("dtype", dtype.path("config").path("name").asText("float32"));
                }
            }
        }
        return config;
    }

    private static ObjectNode parseJson(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new UserInputException("The model description in the file is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Checked before HDF5 opens the file, which would print a page of diagnostics for a file of another kind. */
    private static boolean startsWithHdf5Signature(Path file) {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(signature.length), signature);
        } catch (IOException e) {
            throw new UserInputException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** DL4J finds the Keras version and backend in the JSON; in an .h5 file they are attributes beside it. */
    private static String withVersion(String modelConfig, String kerasVersion, String backend) {
        ObjectNode root = parseJson(modelConfig);
        root.put("keras_version", kerasVersion.isEmpty() ? "2" : kerasVersion);
        root.put("backend", backend);
        return root.toString();
    }

    private static KerasModel parse(String fileName, String modelJson) {
        try {
            JsonNode className = JSON.readTree(modelJson).path("class_name");
            KerasModelBuilder builder = new KerasModel().modelBuilder().modelJson(modelJson)
                    .enforceTrainingConfig(false);
            return "Sequential".equals(className.asText()) ? builder.buildSequential() : builder.buildModel();
        } catch (UnsupportedKerasConfigurationException e) {
            throw new UserInputException(fileName + " uses something DL4J's Keras import does not support: "
                    + e.getMessage().replaceAll("\\s*Please file an issue.*", "")
                    + " Replace that layer in Keras, or build the network in the designer.", e);
        } catch (InvalidKerasConfigurationException | IOException | RuntimeException e) {
            throw new UserInputException("DL4J could not read the model in " + fileName + ": "
                    + e.getMessage().replaceAll("\\s*For more information, see.*", ""), e);
        }
    }

    private static NetworkDescription map(String fileName, KerasModel keras) {
        Map<String, KerasLayer> byName = new LinkedHashMap<>();
        keras.getLayersOrdered().forEach(layer -> byName.put(layer.getLayerName(), layer));
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        byName.values().forEach(layer -> layer.getInboundLayerNames()
                .forEach(from -> consumers.computeIfAbsent(from, k -> new ArrayList<>()).add(layer.getLayerName())));

        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (KerasLayer layer : byName.values()) {
            String name = layer.getLayerName();
            boolean terminal = !consumers.containsKey(name);
            Layer ours;
            try {
                ours = layerOf(layer, terminal, consumers.getOrDefault(name, List.of()), byName);
            } catch (Unmappable reason) {
                unmapped.add(name + " (Keras " + layer.getClassName() + reason.detail() + ")");
                continue;
            }
            nodes.add(new Node(name, ours));
            layer.getInboundLayerNames().forEach(from -> edges.add(new Edge(from, name)));
        }
        if (!unmapped.isEmpty()) {
            throw new UserInputException(fileName + ": " + (unmapped.size() == 1 ? "this layer has" : "these layers have")
                    + " no matching node kind in the designer, so the model was not imported: "
                    + String.join(", ", unmapped) + ". Replace " + (unmapped.size() == 1 ? "it" : "them")
                    + " in Keras with layers the designer has (dense, convolution, pooling, dropout, batch "
                    + "normalisation, flatten, embedding, LSTM, activation, add, concatenate), or build the network "
                    + "in the designer.");
        }
        String name = fileName.replaceFirst("\\.[hH]5$", "");
        return new NetworkDescription(name, nodes, edges);
    }

    private static Layer layerOf(KerasLayer keras, boolean terminal, List<String> consumers,
                                 Map<String, KerasLayer> byName) throws Unmappable {
        if (keras instanceof KerasInput input) {
            return new Layer.Input(inputShape(input.getInputShape(), consumers, byName));
        }
        if (keras instanceof KerasFlatten) {
            return new Layer.Flatten();
        }
        if (keras.isVertex()) {
            GraphVertex vertex = keras.getVertex();
            if (vertex instanceof ElementWiseVertex elementWise && elementWise.getOp() == ElementWiseVertex.Op.Add) {
                return new Layer.Add();
            }
            if (vertex instanceof MergeVertex) {
                return new Layer.Concatenate();
            }
            throw new Unmappable("");
        }
        org.deeplearning4j.nn.conf.layers.Layer layer = keras.getLayer();
        if (layer instanceof DenseLayer dense) {
            Activation activation = activation(dense.getActivationFn());
            int units = Math.toIntExact(dense.getNOut());
            boolean bias = dense.hasBias();
            if (terminal) {
                return new Layer.Output(units, activation, lossFor(activation), WeightInit.XAVIER, null);
            }
            return new Layer.Dense(units, activation, WeightInit.XAVIER, bias, null);
        }
        if (layer instanceof ConvolutionLayer conv && conv.getClass() == ConvolutionLayer.class) {
            return new Layer.Convolution2D(Math.toIntExact(conv.getNOut()), size(conv.getKernelSize()),
                    size(conv.getStride()), padding(conv.getConvolutionMode()), activation(conv.getActivationFn()),
                    WeightInit.XAVIER, conv.hasBias(), null);
        }
        if (layer instanceof SubsamplingLayer pool && pool.getClass() == SubsamplingLayer.class) {
            return new Layer.Pooling2D(pooling(pool.getPoolingType()), size(pool.getKernelSize()),
                    size(pool.getStride()), padding(pool.getConvolutionMode()));
        }
        if (layer instanceof GlobalPoolingLayer pool) {
            return new Layer.GlobalPooling(pooling(pool.getPoolingType()));
        }
        if (layer instanceof BatchNormalization norm) {
            return new Layer.BatchNormalization(norm.getDecay(), norm.getEps());
        }
        if (layer instanceof DropoutLayer && layer.getIDropout() instanceof Dropout dropout) {
            return new Layer.Dropout(1 - dropout.getP()); // DL4J keeps the probability of retaining a value
        }
        if (layer instanceof EmbeddingSequenceLayer embedding) {
            return new Layer.Embedding(Math.toIntExact(embedding.getNIn()), Math.toIntExact(embedding.getNOut()),
                    WeightInit.XAVIER, null);
        }
        boolean lastStepOnly = layer instanceof LastTimeStep;
        if (layer instanceof LastTimeStep last) {
            layer = last.getUnderlying();
        }
        if (layer instanceof LSTM lstm) {
            return new Layer.Lstm(Math.toIntExact(lstm.getNOut()), activation(lstm.getActivationFn()), !lastStepOnly,
                    WeightInit.XAVIER, null);
        }
        if (layer instanceof ActivationLayer activation) {
            return new Layer.ActivationLayer(activation(activation.getActivationFn()));
        }
        throw new Unmappable("");
    }

    /**
     * Keras leaves the batch out of the shape and puts channels last. A 2-D sample is a sequence (steps ×
     * features) unless it is flattened at once, which is what an MNIST-style "Flatten(28, 28)" model does.
     */
    private static Shape inputShape(int[] shape, List<String> consumers, Map<String, KerasLayer> byName)
            throws Unmappable {
        if (shape == null || shape.length == 0) {
            throw new Unmappable(", input shape unknown");
        }
        boolean flattened = !consumers.isEmpty()
                && consumers.stream().allMatch(name -> byName.get(name) instanceof KerasFlatten);
        return switch (shape.length) {
            case 1 -> new Shape.Flat(shape[0]);
            case 2 -> flattened ? new Shape.Image(shape[0], shape[1], 1) : new Shape.Sequence(shape[1], Math.max(0, shape[0]));
            case 3 -> new Shape.Image(shape[0], shape[1], shape[2]);
            default -> throw new Unmappable(", a " + shape.length + "-dimensional input");
        };
    }

    private static Loss lossFor(Activation activation) {
        return switch (activation) {
            case SOFTMAX -> Loss.CROSS_ENTROPY;
            case SIGMOID -> Loss.BINARY_CROSS_ENTROPY;
            default -> Loss.MSE;
        };
    }

    private static Activation activation(IActivation activation) throws Unmappable {
        if (activation == null) {
            return Activation.IDENTITY;
        }
        Activation ours = ACTIVATIONS.get(activation.getClass());
        if (ours == null) {
            throw new Unmappable(", activation " + activation);
        }
        return ours;
    }

    private static Size2D size(int[] heightWidth) {
        return new Size2D(heightWidth[0], heightWidth[1]);
    }

    private static Padding padding(ConvolutionMode mode) {
        return mode == ConvolutionMode.Same ? Padding.SAME : Padding.VALID;
    }

    private static PoolingType pooling(org.deeplearning4j.nn.conf.layers.PoolingType type) throws Unmappable {
        return switch (type) {
            case MAX -> PoolingType.MAX;
            case AVG -> PoolingType.AVG;
            default -> throw new Unmappable(", " + type.name().toLowerCase(java.util.Locale.ROOT) + " pooling");
        };
    }

    private static int majorVersion(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0; // unknown: let DL4J decide
        }
    }

    /** A layer we have no node kind for; {@code detail} adds what exactly, e.g. ", activation hardsigmoid". */
    private static final class Unmappable extends Exception {
        private static final long serialVersionUID = 1L;

        Unmappable(String detail) {
            super(detail, null, false, false);
        }

        String detail() {
            return getMessage();
        }
    }
}
