package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Every layer kind the palette offers: its group, a title, one line of explanation and the layer it adds. */
public enum LayerCatalog {
    INPUT(Group.CORE, "input", "Input", "input", "Where the data enters: one sample of the shape of your data.",
            () -> Layer.Input.flat(4)),
    DENSE(Group.CORE, "dense", "Dense", "dense", "Fully connected: every output sees every input value.",
            () -> Layer.Dense.of(64)),
    ACTIVATION(Group.CORE, "activation", "Activation", "activation", "Applies an activation function on its own.",
            () -> new Layer.ActivationLayer(Activation.RELU)),
    FLATTEN(Group.CORE, "flatten", "Flatten", "flatten", "Turns an image into a flat vector for dense layers.",
            Layer.Flatten::new),
    CONVOLUTION(Group.CONVOLUTION, "convolution2d", "Convolution 2D", "conv",
            "Slides learned filters over an image to find local patterns.", () -> Layer.Convolution2D.of(16, 3)),
    POOLING(Group.CONVOLUTION, "pooling2d", "Pooling 2D", "pool",
            "Shrinks an image by keeping the max or mean of each window.", () -> Layer.Pooling2D.max(2)),
    GLOBAL_POOLING(Group.CONVOLUTION, "globalPooling", "Global pooling", "globalPool",
            "Pools a whole image or sequence into one value per channel.", Layer.GlobalPooling::avg),
    EMBEDDING(Group.RECURRENT, "embedding", "Embedding", "embedding",
            "Looks up a learned vector for each token id.", () -> Layer.Embedding.of(10_000, 32)),
    LSTM(Group.RECURRENT, "lstm", "LSTM", "lstm", "Reads a sequence step by step and remembers what matters.",
            () -> Layer.Lstm.of(64, false)),
    ADD(Group.MERGE, "add", "Add", "add", "Sums branches of the same shape (residual connections).", Layer.Add::new),
    CONCATENATE(Group.MERGE, "concatenate", "Concatenate", "concat",
            "Joins branches side by side along the features.", Layer.Concatenate::new),
    DROPOUT(Group.REGULARIZATION, "dropout", "Dropout", "dropout",
            "Zeroes random values while training, against overfitting.", () -> Layer.Dropout.of(0.5)),
    BATCH_NORMALIZATION(Group.REGULARIZATION, "batchNormalization", "Batch normalization", "batchNorm",
            "Normalises each feature, so deep networks train faster.", Layer.BatchNormalization::defaults),
    OUTPUT(Group.OUTPUT, "output", "Output", "output", "Makes the prediction and holds the loss to minimise.",
            () -> Layer.Output.classification(3));

    /** The palette's sections, in display order. */
    public enum Group {
        CORE("Core"), CONVOLUTION("Convolution"), RECURRENT("Recurrent"), MERGE("Merge"),
        REGULARIZATION("Regularization"), OUTPUT("Output");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Group group;
    private final String kind;
    private final String title;
    private final String nameStem;
    private final String explanation;
    private final Supplier<Layer> defaultLayer;

    LayerCatalog(Group group, String kind, String title, String nameStem, String explanation,
                 Supplier<Layer> defaultLayer) {
        this.group = group;
        this.kind = kind;
        this.title = title;
        this.nameStem = nameStem;
        this.explanation = explanation;
        this.defaultLayer = defaultLayer;
    }

    public Group group() {
        return group;
    }

    /** The engine's kind name, as in {@link Layer#kind()}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The start of the names of new nodes of this kind, e.g. "conv" for conv1, conv2. */
    public String nameStem() {
        return nameStem;
    }

    public String explanation() {
        return explanation;
    }

    /** A fresh layer with the factory defaults a user would expect. */
    public Layer newLayer() {
        return defaultLayer.get();
    }

    public static LayerCatalog ofKind(String kind) {
        return find(kind).orElseThrow(() -> new IllegalArgumentException("Not a layer kind: " + kind));
    }

    public static Optional<LayerCatalog> find(String kind) {
        return Arrays.stream(values()).filter(entry -> entry.kind.equals(kind)).findFirst();
    }

    public static LayerCatalog of(Layer layer) {
        return ofKind(layer.kind());
    }

    /** Entries whose title, kind or explanation contains the query (ignoring case); all for a blank query. */
    public static List<LayerCatalog> matching(String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(entry -> needle.isEmpty()
                        || entry.title.toLowerCase(Locale.ROOT).contains(needle)
                        || entry.kind.toLowerCase(Locale.ROOT).contains(needle)
                        || entry.group.title.toLowerCase(Locale.ROOT).contains(needle)
                        || entry.explanation.toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }
}
