package io.neuralworkbench.engine.network;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The kind of a node and its hyperparameters. Every record has a short factory with the defaults a user
 * would expect; edits make a new value ({@code withX} methods or the canonical constructor).
 *
 * <p>Per-layer {@code l2} is {@code null} when the layer uses the training configuration's L2.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Layer.Input.class, name = "input"),
        @JsonSubTypes.Type(value = Layer.Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = Layer.Convolution2D.class, name = "convolution2d"),
        @JsonSubTypes.Type(value = Layer.Pooling2D.class, name = "pooling2d"),
        @JsonSubTypes.Type(value = Layer.GlobalPooling.class, name = "globalPooling"),
        @JsonSubTypes.Type(value = Layer.BatchNormalization.class, name = "batchNormalization"),
        @JsonSubTypes.Type(value = Layer.Dropout.class, name = "dropout"),
        @JsonSubTypes.Type(value = Layer.Flatten.class, name = "flatten"),
        @JsonSubTypes.Type(value = Layer.Embedding.class, name = "embedding"),
        @JsonSubTypes.Type(value = Layer.Lstm.class, name = "lstm"),
        @JsonSubTypes.Type(value = Layer.ActivationLayer.class, name = "activation"),
        @JsonSubTypes.Type(value = Layer.Add.class, name = "add"),
        @JsonSubTypes.Type(value = Layer.Concatenate.class, name = "concatenate"),
        @JsonSubTypes.Type(value = Layer.Output.class, name = "output")
})
public sealed interface Layer {

    /** The kind's name as written in JSON and shown in the palette, e.g. "dense". */
    default String kind() {
        return LayerKinds.nameOf(getClass());
    }

    /** How many incoming wires the layer takes: 0 for inputs, 1 for most, 2+ for merges. */
    default int minInputs() {
        return 1;
    }

    default int maxInputs() {
        return 1;
    }

    /** Where the data enters: the network receives samples of {@code shape}. */
    record Input(Shape shape) implements Layer {
        public static Input flat(int size) {
            return new Input(new Shape.Flat(size));
        }

        public static Input image(int height, int width, int channels) {
            return new Input(new Shape.Image(height, width, channels));
        }

        public static Input sequence(int features, int length) {
            return new Input(new Shape.Sequence(features, length));
        }

        @Override
        public int minInputs() {
            return 0;
        }

        @Override
        public int maxInputs() {
            return 0;
        }
    }

    /** Fully connected layer. */
    record Dense(int units, Activation activation, WeightInit weightInit, boolean bias, Double l2) implements Layer {
        public static Dense of(int units) {
            return new Dense(units, Activation.RELU, WeightInit.HE, true, null);
        }

        public static Dense of(int units, Activation activation) {
            return new Dense(units, activation, initFor(activation), true, null);
        }
    }

    /** 2-D convolution over an image. */
    record Convolution2D(int filters, Size2D kernel, Size2D stride, Padding padding, Activation activation,
                         WeightInit weightInit, boolean bias, Double l2) implements Layer {
        public static Convolution2D of(int filters, int kernel) {
            return new Convolution2D(filters, Size2D.square(kernel), Size2D.square(1), Padding.VALID,
                    Activation.RELU, WeightInit.HE, true, null);
        }

        public Convolution2D withPadding(Padding newPadding) {
            return new Convolution2D(filters, kernel, stride, newPadding, activation, weightInit, bias, l2);
        }
    }

    /** Max or average pooling over windows of an image (subsampling). */
    record Pooling2D(PoolingType pooling, Size2D kernel, Size2D stride, Padding padding) implements Layer {
        public static Pooling2D max(int size) {
            return new Pooling2D(PoolingType.MAX, Size2D.square(size), Size2D.square(size), Padding.VALID);
        }

        public static Pooling2D avg(int size) {
            return new Pooling2D(PoolingType.AVG, Size2D.square(size), Size2D.square(size), Padding.VALID);
        }
    }

    /** Pools a whole image (per channel) or a whole sequence (per feature) into a flat vector. */
    record GlobalPooling(PoolingType pooling) implements Layer {
        public static GlobalPooling avg() {
            return new GlobalPooling(PoolingType.AVG);
        }

        public static GlobalPooling max() {
            return new GlobalPooling(PoolingType.MAX);
        }
    }

    /** Normalises activations per feature (per channel for images); momentum of the running averages. */
    record BatchNormalization(double momentum, double epsilon) implements Layer {
        public static BatchNormalization defaults() {
            return new BatchNormalization(0.9, 1e-5);
        }
    }

    /** Randomly zeroes a fraction {@code rate} of the values during training (0 ≤ rate &lt; 1). */
    record Dropout(double rate) implements Layer {
        public static Dropout of(double rate) {
            return new Dropout(rate);
        }
    }

    /** Turns an image into a flat vector. */
    record Flatten() implements Layer {
    }

    /** Maps token ids (0 … vocabularySize−1) to learned vectors of {@code dimension} values. */
    record Embedding(int vocabularySize, int dimension, WeightInit weightInit, Double l2) implements Layer {
        public static Embedding of(int vocabularySize, int dimension) {
            return new Embedding(vocabularySize, dimension, WeightInit.XAVIER, null);
        }
    }

    /**
     * Long short-term memory over a sequence. With {@code returnSequences} it outputs every time step,
     * otherwise only the last one (a flat vector).
     */
    record Lstm(int units, Activation activation, boolean returnSequences, WeightInit weightInit, Double l2)
            implements Layer {
        public static Lstm of(int units, boolean returnSequences) {
            return new Lstm(units, Activation.TANH, returnSequences, WeightInit.XAVIER, null);
        }
    }

    /** Applies an activation function on its own. */
    record ActivationLayer(Activation activation) implements Layer {
    }

    /** Element-wise sum of inputs of the same shape (residual connections). */
    record Add() implements Layer {
        @Override
        public int minInputs() {
            return 2;
        }

        @Override
        public int maxInputs() {
            return Integer.MAX_VALUE;
        }
    }

    /** Joins inputs along the feature (channel) axis, in the order of the edges. */
    record Concatenate() implements Layer {
        @Override
        public int minInputs() {
            return 2;
        }

        @Override
        public int maxInputs() {
            return Integer.MAX_VALUE;
        }
    }

    /** The prediction: a dense layer with the loss the network is trained on. */
    record Output(int units, Activation activation, Loss loss, WeightInit weightInit, Double l2) implements Layer {
        public static Output classification(int classes) {
            return new Output(classes, Activation.SOFTMAX, Loss.CROSS_ENTROPY, WeightInit.XAVIER, null);
        }

        public static Output regression(int targets) {
            return new Output(targets, Activation.IDENTITY, Loss.MSE, WeightInit.XAVIER, null);
        }

        public Output withUnits(int newUnits) {
            return new Output(newUnits, activation, loss, weightInit, l2);
        }
    }

    /** The weight initialisation that suits an activation. */
    static WeightInit initFor(Activation activation) {
        return switch (activation) {
            case RELU, LEAKY_RELU, ELU, GELU, SWISH -> WeightInit.HE;
            case SELU -> WeightInit.LECUN_NORMAL;
            default -> WeightInit.XAVIER;
        };
    }
}
