package io.neuralworkbench.engine.network;

import java.util.function.Supplier;

/** The templates as the gallery shows them, each with an example built for a well-known data set. */
public enum Template {
    MLP_CLASSIFIER("MLP classifier",
            "Two hidden layers for tables of numbers with a class to predict. Start here for tabular data.",
            () -> Templates.mlpClassifier(4, 3)),
    MLP_REGRESSOR("MLP regressor",
            "Two hidden layers for tables of numbers with values to predict (prices, temperatures, ...).",
            () -> Templates.mlpRegressor(13, 1)),
    LENET("LeNet",
            "The classic small convolutional network for images of digits and other small pictures.",
            () -> Templates.lenet(28, 28, 1, 10)),
    TEXT_CLASSIFIER("Text classifier",
            "Learns a vector per word and averages them: fast sentiment or topic classification of texts.",
            () -> Templates.textClassifier(10_000, 100, 2)),
    LSTM_CLASSIFIER("LSTM classifier",
            "Reads a sequence step by step (sensor readings, time series) and classifies the whole of it.",
            () -> Templates.lstmClassifier(3, 50, 4)),
    RESIDUAL_CNN("Residual CNN",
            "A convolutional network with a skip connection and batch normalisation, as in ResNet.",
            () -> Templates.residualCnn(32, 32, 3, 10));

    private final String title;
    private final String description;
    private final Supplier<NetworkDescription> example;

    Template(String title, String description, Supplier<NetworkDescription> example) {
        this.title = title;
        this.description = description;
        this.example = example;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /**
     * The template sized for its typical data set (iris, Boston housing, MNIST, IMDB reviews, a 3-axis
     * accelerometer, CIFAR-10), for previews in the gallery.
     */
    public NetworkDescription example() {
        return example.get();
    }
}
