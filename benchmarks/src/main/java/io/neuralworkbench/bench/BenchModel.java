package io.neuralworkbench.bench;

import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.embedding.TrainableWordEmbedding;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmarked networks, each defined twice side by side: as our engine's network description and as the same
 * architecture in DJL blocks for PyTorch.
 */
enum BenchModel {
    MLP("mlp", 128, 10, 784,
            784L * 256 + 256 * 128 + 128 * 10),
    LENET("lenet", 64, 10, 28 * 28,
            // conv1: 24×24 outputs × 20 filters × 5×5 taps; conv2: 8×8 × 50 × 5×5×20; dense 4·4·50→500; output
            24L * 24 * 20 * 25 + 8L * 8 * 50 * 500 + 800L * 500 + 500 * 10),
    TEXT_CLASSIFIER("text", 64, 2, Text.LENGTH,
            // the embedding lookup and the average multiply nothing worth counting
            32L * 16 + 16 * 2),
    LSTM_CLASSIFIER("lstm", 64, 10, 28 * 28,
            // per step four gates, each from 28 inputs and 64 recurrent units to 64 units; output from the last step
            28L * 4 * 64 * (28 + 64) + 64 * 10);

    /** The text model's input: token ids per text and their vocabulary (in a class, so the constants can use them). */
    static final class Text {
        static final int LENGTH = 100;
        static final int VOCABULARY = 5000;

        private Text() {
        }
    }

    private final String id;
    private final int batchSize;
    private final int classes;
    private final int featureCount;
    private final long forwardMultiplyAdds;

    BenchModel(String id, int batchSize, int classes, int featureCount, long forwardMultiplyAdds) {
        this.id = id;
        this.batchSize = batchSize;
        this.classes = classes;
        this.featureCount = featureCount;
        this.forwardMultiplyAdds = forwardMultiplyAdds;
    }

    static BenchModel byId(String id) {
        for (BenchModel model : values()) {
            if (model.id.equals(id)) {
                return model;
            }
        }
        throw new IllegalArgumentException("Unknown model '" + id + "'; known: " + List.of(ids()));
    }

    static String[] ids() {
        return Arrays.stream(values()).map(BenchModel::id).toArray(String[]::new);
    }

    String id() {
        return id;
    }

    int batchSize() {
        return batchSize;
    }

    int classes() {
        return classes;
    }

    /** Values per flat feature row: images C×H×W, sequences time-major, texts one token id per step. */
    int featureCount() {
        return featureCount;
    }

    /** Backward costs about twice the forward pass, and a multiply-add is two floating-point operations. */
    double trainingFlopsPerSample() {
        return 3.0 * 2.0 * forwardMultiplyAdds;
    }

    boolean takesTokenIds() {
        return this == TEXT_CLASSIFIER;
    }

    NetworkDescription network() {
        return switch (this) {
            case MLP -> NetworkDescription.builder("MLP 784-256-128-10")
                    .then("input", Layer.Input.flat(784))
                    .then("dense1", Layer.Dense.of(256))
                    .then("dense2", Layer.Dense.of(128))
                    .then("output", Layer.Output.classification(classes))
                    .build();
            case LENET -> Templates.lenet(28, 28, 1, classes);
            case TEXT_CLASSIFIER -> Templates.textClassifier(Text.VOCABULARY, Text.LENGTH, classes);
            case LSTM_CLASSIFIER -> Templates.lstmClassifier(28, 28, classes);
        };
    }

    /** The shape PyTorch gets a batch of flat feature rows in. */
    Shape pytorchInputShape(int rows) {
        return switch (this) {
            case MLP -> new Shape(rows, 784);
            case LENET -> new Shape(rows, 1, 28, 28);
            case TEXT_CLASSIFIER -> new Shape(rows, Text.LENGTH);
            case LSTM_CLASSIFIER -> new Shape(rows, 28, 28);
        };
    }

    /** The same layers as {@link #network()}; the loss applies the softmax, so the last block outputs logits. */
    Block pytorchBlock() {
        return switch (this) {
            case MLP -> new SequentialBlock()
                    .add(Linear.builder().setUnits(256).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(128).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(classes).build());
            case LENET -> new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(20).build())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(50).build())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(500).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(classes).build());
            case TEXT_CLASSIFIER -> new SequentialBlock()
                    .add(new TrainableWordEmbedding(tokenVocabulary(), 32))
                    .add(LambdaBlock.singleton(embedded -> embedded.mean(new int[] {1}), "globalAveragePool"))
                    .add(Linear.builder().setUnits(16).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(classes).build());
            case LSTM_CLASSIFIER -> new SequentialBlock()
                    .add(LSTM.builder().setStateSize(64).setNumLayers(1).optBatchFirst(true).optReturnState(false)
                            .build())
                    .add(LambdaBlock.singleton(steps -> steps.get(":, -1, :"), "lastStep"))
                    .add(Linear.builder().setUnits(classes).build());
        };
    }

    /** The embedding only needs the vocabulary's size: the data already holds token ids. */
    private static DefaultVocabulary tokenVocabulary() {
        return DefaultVocabulary.builder()
                .add(IntStream.range(0, Text.VOCABULARY).mapToObj(Integer::toString).toList())
                .build();
    }
}
