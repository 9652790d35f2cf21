package io.neuralworkbench.engine.network;

import java.util.List;

/**
 * Ready-made networks to start from, sized for the user's data. Every template validates without diagnostics.
 * The gallery lists them through {@link Template}.
 */
public final class Templates {
    private Templates() {
    }

    /** Two hidden ReLU layers and a softmax output: the first thing to try on a table of numbers. */
    public static NetworkDescription mlpClassifier(int features, int classes) {
        return mlp("MLP classifier", features, Layer.Output.classification(classes));
    }

    /** Like {@link #mlpClassifier} but predicting numbers: identity output, mean squared error. */
    public static NetworkDescription mlpRegressor(int features, int targets) {
        return mlp("MLP regressor", features, Layer.Output.regression(targets));
    }

    /**
     * LeNet-5 as in DL4J's LeNetMNIST example: two 5×5 convolutions (20 and 50 filters, identity activation)
     * each followed by 2×2 max pooling, a dense layer of 500 and a softmax output.
     */
    public static NetworkDescription lenet(int height, int width, int channels, int classes) {
        return NetworkDescription.builder("LeNet")
                .then("input", Layer.Input.image(height, width, channels))
                .then("conv1", linearConvolution(20, 5))
                .then("pool1", Layer.Pooling2D.max(2))
                .then("conv2", linearConvolution(50, 5))
                .then("pool2", Layer.Pooling2D.max(2))
                .then("flatten", new Layer.Flatten())
                .then("dense", Layer.Dense.of(500))
                .then("output", Layer.Output.classification(classes))
                .build();
    }

    /** Token ids → learned word vectors → their average over the text → a small classifier. */
    public static NetworkDescription textClassifier(int vocabularySize, int sequenceLength, int classes) {
        return NetworkDescription.builder("Text classifier")
                .then("input", Layer.Input.sequence(1, sequenceLength))
                .then("embedding", Layer.Embedding.of(vocabularySize, 32))
                .then("pool", Layer.GlobalPooling.avg())
                .then("dense", Layer.Dense.of(16))
                .then("output", Layer.Output.classification(classes))
                .build();
    }

    /** An LSTM reads the whole sequence; its last step feeds the output. */
    public static NetworkDescription lstmClassifier(int features, int sequenceLength, int classes) {
        return NetworkDescription.builder("LSTM classifier")
                .then("input", Layer.Input.sequence(features, sequenceLength))
                .then("lstm", Layer.Lstm.of(64, false))
                .then("output", Layer.Output.classification(classes))
                .build();
    }

    /**
     * One residual block: the second convolution (linear, then batch-normalised) learns a correction that is
     * added to the first convolution's output before the ReLU. SAME padding keeps the shapes equal for the add.
     */
    public static NetworkDescription residualCnn(int height, int width, int channels, int classes) {
        return NetworkDescription.builder("Residual CNN")
                .then("input", Layer.Input.image(height, width, channels))
                .then("conv1", Layer.Convolution2D.of(16, 3).withPadding(Padding.SAME))
                .then("conv2", linearConvolution(16, 3).withPadding(Padding.SAME))
                .then("batchNorm", Layer.BatchNormalization.defaults())
                .add("add", new Layer.Add(), List.of("conv1", "batchNorm"))
                .then("relu", new Layer.ActivationLayer(Activation.RELU))
                .then("pool", Layer.GlobalPooling.avg())
                .then("output", Layer.Output.classification(classes))
                .build();
    }

    private static NetworkDescription mlp(String name, int features, Layer.Output output) {
        return NetworkDescription.builder(name)
                .then("input", Layer.Input.flat(features))
                .then("dense1", Layer.Dense.of(64))
                .then("dense2", Layer.Dense.of(32))
                .then("output", output)
                .build();
    }

    /** A convolution without activation, for when pooling, batch normalisation or a later ReLU follows. */
    private static Layer.Convolution2D linearConvolution(int filters, int kernel) {
        return new Layer.Convolution2D(filters, Size2D.square(kernel), Size2D.square(1), Padding.VALID,
                Activation.IDENTITY, Layer.initFor(Activation.IDENTITY), true, null);
    }
}
