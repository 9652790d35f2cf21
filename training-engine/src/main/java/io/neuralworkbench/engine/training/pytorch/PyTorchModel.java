package io.neuralworkbench.engine.training.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.LayerParameters;
import io.neuralworkbench.engine.training.ParameterSnapshot;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchGraph.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A network trained with PyTorch, one manual optimisation step per batch. Feature rows arrive in the same
 * layouts as for the DL4J backend (flat; images channel × height × width; sequences step after step).
 *
 * <p>Regularisation follows DL4J: L2 adds ½·l2·‖w‖² to the loss, applied by adding l2·w to the gradient of
 * every weight (not biases or batch-norm parameters) before the optimizer; the optimizer's weight decay (AdamW)
 * is decoupled, w ← w − lr·decay·w after the step, and replaces the configuration's L2 as it does in DL4J.
 */
public final class PyTorchModel implements TrainableModel {
    /** Rows per forward pass when predicting or scoring a whole dataset: bounds memory on large sets. */
    private static final int INFERENCE_CHUNK = 2048;
    /** DJL lets one gradient collector record at a time per JVM: concurrent sessions take turns per batch. */
    private static final Object GRADIENT_RECORDING = new Object();
    /** Keeps the logarithms in the cross-entropies finite, as DL4J's clipping does. */
    private static final float PROBABILITY_FLOOR = 1e-7f;

    private final NDManager manager;
    /** Whether each step measures its update (one copy of the weights per step); see {@link #lastUpdateNorm}. */
    private boolean measureUpdates;
    private double lastUpdateNorm = Double.NaN;
    private final PyTorchGraph graph;
    private final NetworkDescription network;
    private final TrainingConfig config;
    private final UpdateRule optimizer;
    private float learningRate;
    /** The configuration's class weights as a [classes] tensor, or null when every class counts the same. */
    private final NDArray classWeights;

    PyTorchModel(NDManager manager, PyTorchGraph graph, NetworkDescription network, TrainingConfig config) {
        this.manager = manager;
        this.graph = graph;
        this.network = network;
        this.config = config;
        this.learningRate = (float) config.learningRate();
        this.optimizer = UpdateRule.forSettings(config.optimizer());
        this.classWeights = config.classWeights() == null ? null
                : manager.create(config.classWeights().stream().mapToDouble(Double::doubleValue).toArray())
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    }

    PyTorchGraph graph() {
        return graph;
    }

    TrainingConfig config() {
        return config;
    }

    /** A DL4J model with this model's current weights (not its optimizer state); close it after use. */
    public TrainableModel toDl4j() {
        return new Dl4jGraphBackend().wrap(Dl4jTransfer.toDl4j(graph, network, config), network);
    }

    /** @param masks [rows, time steps] padding masks of sequence data, or null */
    private record TorchData(NDManager manager, NDArray features, NDArray targets, NDArray masks)
            implements BackendData {
        @Override
        public int size() {
            return (int) features.getShape().get(0);
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    @Override
    public BackendData upload(ArrayDataset data) {
        NDManager dataManager = manager.newSubManager();
        int targetCount = Math.max(1, data.targetCount());
        float[][] targets = data.targetCount() == 0 ? new float[data.size()][targetCount] : data.targets();
        // Only a sequence input has time steps to mask (as in the DL4J backend).
        NDArray masks = data.hasFeatureMasks() && graph.inputShape() instanceof Shape.Sequence && data.size() > 0
                ? rows(dataManager, data.featureMasks(), data.featureMasks()[0].length) : null;
        return new TorchData(dataManager, rows(dataManager, data.features(), data.featureCount()),
                rows(dataManager, targets, targetCount), masks);
    }

    private static NDArray rows(NDManager manager, float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return manager.create(flat, new ai.djl.ndarray.types.Shape(rows.length, width));
    }

    /** Feature rows to the graph's layout; sequences are stored step after step, so [batch, time, features]. */
    private NDArray toNetworkLayout(NDArray flatRows) {
        long batch = flatRows.getShape().get(0);
        Shape shape = graph.inputShape();
        if (shape instanceof Shape.Image image) {
            return flatRows.reshape(batch, image.channels(), image.height(), image.width());
        }
        if (shape instanceof Shape.Sequence sequence) {
            return flatRows.reshape(batch, -1, sequence.features());
        }
        return flatRows;
    }

    @Override
    public double fitBatch(BackendData data, int[] rows) {
        TorchData d = (TorchData) data;
        double loss;
        try (NDManager batch = manager.newSubManager()) {
            NDIndex selected = new NDIndex("{}", batch.create(rows).toType(ai.djl.ndarray.types.DataType.INT64, false));
            NDArray features = toNetworkLayout(d.features().get(batch, selected));
            NDArray targets = d.targets().get(batch, selected);
            NDArray masks = d.masks() == null ? null : d.masks().get(batch, selected);
            synchronized (GRADIENT_RECORDING) {
                try (GradientCollector collector = Engine.getEngine(PyTorchBackend.ENGINE).newGradientCollector()) {
                    NDArray batchLoss = loss(graph.forward(features, masks, true), targets);
                    collector.backward(batchLoss);
                    loss = batchLoss.getFloat();
                }
            }
        }
        return loss + step();
    }

    @Override
    public void setMeasureUpdates(boolean measure) {
        measureUpdates = measure;
        lastUpdateNorm = Double.NaN;
    }

    @Override
    public double lastUpdateNorm() {
        return lastUpdateNorm;
    }

    @Override
    public double parameterNorm() {
        double squares = 0;
        for (Tensor tensor : graph.tensors()) {
            if (tensor.role().trainable()) {
                try (NDArray square = tensor.array().square(); NDArray sum = square.sum()) {
                    squares += sum.getFloat();
                }
            }
        }
        return Math.sqrt(squares);
    }

    /** Applies regularisation and the optimizer to every trainable tensor; returns the regularisation score. */
    private double step() {
        optimizer.beginStep();
        double penalty = 0;
        double updateSquares = 0;
        for (Tensor tensor : graph.tensors()) {
            if (!tensor.role().trainable()) {
                continue;
            }
            NDArray weight = tensor.array();
            penalty += penalty(tensor);
            try (NDArray gradient = weight.getGradient();
                 NDArray before = measureUpdates ? weight.duplicate() : null) {
                if (tensor.l2() > 0) {
                    try (NDArray l2Gradient = weight.mul(tensor.l2())) {
                        gradient.addi(l2Gradient);
                    }
                }
                try (NDArray decayStep = tensor.weightDecay() > 0
                        ? weight.mul(learningRate * tensor.weightDecay()) : null) {
                    optimizer.update(tensor.id(), weight, gradient, learningRate);
                    if (decayStep != null) {
                        weight.subi(decayStep);
                    }
                }
                // PyTorch adds each backward pass to the stored gradient: start the next batch from zero.
                gradient.subi(gradient);
                if (before != null) {
                    try (NDArray change = weight.sub(before); NDArray square = change.square();
                         NDArray sum = square.sum()) {
                        updateSquares += sum.getFloat();
                    }
                }
            }
        }
        lastUpdateNorm = measureUpdates ? Math.sqrt(updateSquares) : Double.NaN;
        return penalty;
    }

    /** DL4J's score counts ½·c·‖w‖² for L2 and for weight decay alike. */
    private static double penalty(Tensor tensor) {
        double coefficient = tensor.l2() + tensor.weightDecay();
        if (coefficient == 0) {
            return 0;
        }
        try (NDArray squares = tensor.array().square(); NDArray sum = squares.sum()) {
            return 0.5 * coefficient * sum.getFloat();
        }
    }

    /**
     * The mean loss over the batch, as DL4J's loss functions define it (per sample summed over outputs). Class
     * weights multiply each output's term, and the mean stays over samples (DL4J's definition; PyTorch's own
     * weighted cross-entropy would divide by the sum of the weights instead).
     */
    private NDArray loss(NDArray logits, NDArray targets) {
        Layer.Output output = graph.output();
        int[] outputsAxis = {1};
        return switch (output.loss()) {
            case CROSS_ENTROPY -> {
                NDArray logProbabilities = output.activation() == Activation.SOFTMAX ? logits.logSoftmax(1)
                        : probabilities(logits).clip(PROBABILITY_FLOOR, 1).log();
                yield weighted(logProbabilities.mul(targets)).sum(outputsAxis).mean().neg();
            }
            case BINARY_CROSS_ENTROPY -> {
                NDArray p = probabilities(logits).clip(PROBABILITY_FLOOR, 1 - PROBABILITY_FLOOR);
                NDArray positive = targets.mul(p.log());
                NDArray negative = targets.neg().add(1).mul(p.neg().add(1).log());
                yield weighted(positive.add(negative)).sum(outputsAxis).mean().neg();
            }
            // DL4J divides the per-sample sum by the number of outputs: the mean over all values.
            case MSE -> probabilities(logits).sub(targets).square().mean();
            case MAE -> probabilities(logits).sub(targets).abs().mean();
        };
    }

    /** Per-output loss terms [batch, outputs] times the class weights, if any. */
    private NDArray weighted(NDArray terms) {
        return classWeights == null ? terms : terms.mul(classWeights);
    }

    private NDArray probabilities(NDArray logits) {
        return PyTorchGraph.activate(logits, graph.output().activation(), 1);
    }

    @Override
    public float[][] predict(BackendData data) {
        TorchData d = (TorchData) data;
        int rows = d.size();
        float[][] result = new float[rows][];
        for (int start = 0; start < rows; start += INFERENCE_CHUNK) {
            int end = Math.min(rows, start + INFERENCE_CHUNK);
            try (NDManager chunk = manager.newSubManager()) {
                NDIndex range = new NDIndex(start + ":" + end);
                float[][] out = predictRows(d.features().get(chunk, range),
                        d.masks() == null ? null : d.masks().get(chunk, range));
                System.arraycopy(out, 0, result, start, out.length);
            }
        }
        return result;
    }

    @Override
    public float[][] predict(float[][] features) {
        if (features.length == 0) {
            return new float[0][];
        }
        try (NDManager scope = manager.newSubManager()) {
            return predictRows(rows(scope, features, features[0].length), null);
        }
    }

    /** Each node's outputs in inference mode; the output node's as probabilities, as DL4J reports them. */
    @Override
    public java.util.Map<String, float[]> layerActivations(float[][] features) {
        java.util.Map<String, float[]> activations = new java.util.LinkedHashMap<>();
        if (features.length == 0) {
            return activations;
        }
        try (NDManager scope = manager.newSubManager()) {
            java.util.Map<String, NDArray> values = graph.forwardEveryNode(
                    toNetworkLayout(rows(scope, features, features[0].length)), null, false);
            values.forEach((name, value) -> {
                if (!name.equals(graph.inputName())) {
                    activations.put(name, (name.equals(graph.outputName()) ? probabilities(value) : value)
                            .toFloatArray());
                }
            });
        }
        return activations;
    }

    private float[][] predictRows(NDArray flatRows, NDArray masks) {
        NDArray out = probabilities(graph.forward(toNetworkLayout(flatRows), masks, false));
        int width = (int) out.getShape().get(1);
        float[] values = out.toFloatArray();
        float[][] result = new float[values.length / width][width];
        for (int i = 0; i < result.length; i++) {
            System.arraycopy(values, i * width, result[i], 0, width);
        }
        return result;
    }

    @Override
    public double meanLoss(BackendData data) {
        TorchData d = (TorchData) data;
        int rows = d.size();
        double weightedSum = 0;
        for (int start = 0; start < rows; start += INFERENCE_CHUNK) {
            int end = Math.min(rows, start + INFERENCE_CHUNK);
            try (NDManager chunk = manager.newSubManager()) {
                NDIndex range = new NDIndex(start + ":" + end);
                NDArray logits = graph.forward(toNetworkLayout(d.features().get(chunk, range)),
                        d.masks() == null ? null : d.masks().get(chunk, range), false);
                weightedSum += loss(logits, d.targets().get(chunk, range)).getFloat() * (end - start);
            }
        }
        double penalty = graph.tensors().stream().mapToDouble(PyTorchModel::penalty).sum();
        return weightedSum / rows + penalty;
    }

    @Override
    public void setLearningRate(double newRate) {
        learningRate = (float) newRate;
    }

    /** PyTorch's generator is process-wide, like ND4J's; dropout draws from it. */
    @Override
    public void seedRandom(long seed) {
        JniUtils.setSeed(seed);
    }

    private record TorchSnapshot(List<float[]> values) implements ParameterSnapshot {
    }

    /** Weights and batch-norm statistics, copied to the Java heap. */
    @Override
    public ParameterSnapshot snapshot() {
        return new TorchSnapshot(graph.tensors().stream().map(t -> t.array().toFloatArray()).toList());
    }

    /** The trainable tensors (batch-norm statistics left out); weights are named W and biases b, as in DL4J. */
    @Override
    public List<LayerParameters> layerParameters() {
        return graph.tensors().stream().filter(t -> t.role().trainable())
                .map(t -> new LayerParameters(t.node(), switch (t.role()) {
                    case DENSE_WEIGHT, CONVOLUTION_WEIGHT -> LayerParameters.WEIGHTS;
                    case BIAS -> "b";
                    default -> t.role().name().toLowerCase(java.util.Locale.ROOT);
                }, t.array().getShape().getShape(), t.array().toFloatArray()))
                .toList();
    }

    @Override
    public void restore(ParameterSnapshot snapshot) {
        List<float[]> values = ((TorchSnapshot) snapshot).values();
        List<Tensor> tensors = graph.tensors();
        for (int i = 0; i < tensors.size(); i++) {
            tensors.get(i).array().set(values.get(i));
        }
    }

    /**
     * Writes a plain DL4J ComputationGraph zip with the optimizer state as an extra entry that DL4J ignores (see
     * {@link PyTorchBackend#load}), so a run resumed from the file continues exactly.
     */
    @Override
    public void save(Path file) throws IOException {
        PyTorchBackend.write(this, file);
    }

    /** The optimizer's step count and state arrays, for {@link PyTorchBackend#write}. */
    byte[] optimizerState() {
        return optimizer.saveState();
    }

    void restoreOptimizerState(byte[] saved) throws IOException {
        optimizer.restoreState(saved, manager);
    }

    /** Counted as DL4J counts them, so the figure does not depend on the backend (PyTorch's LSTM has two biases). */
    @Override
    public long parameterCount() {
        return ShapeInference.infer(network).totalParameters();
    }

    @Override
    public void close() {
        manager.close();
    }
}
