package io.neuralworkbench.engine.training.dl4j;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.LayerParameters;
import io.neuralworkbench.engine.training.ParameterSnapshot;
import io.neuralworkbench.engine.training.TrainableModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A DL4J {@link ComputationGraph} behind the engine's {@link TrainableModel} interface. */
final class Dl4jGraphModel implements TrainableModel {
    /** Rows per forward pass when predicting or scoring a whole dataset: bounds memory on large sets. */
    private static final int INFERENCE_CHUNK = 2048;

    private final ComputationGraph graph;
    private final Shape inputShape;

    Dl4jGraphModel(ComputationGraph graph, NetworkDescription network) {
        this.graph = graph;
        this.inputShape = network.nodes().stream()
                .filter(n -> n.layer() instanceof Layer.Input)
                .map(n -> ((Layer.Input) n.layer()).shape())
                .findFirst().orElseThrow();
    }

    ComputationGraph graph() {
        return graph;
    }

    /** @param masks [rows, time steps] padding masks of sequence data, or null */
    private record Dl4jData(INDArray features, INDArray targets, INDArray masks) implements BackendData {
        @Override
        public int size() {
            return (int) features.size(0);
        }

        @Override
        public void close() {
            features.close();
            targets.close();
            if (masks != null) {
                masks.close();
            }
        }

        /** The masks of some rows, null when there are none. */
        INDArray masks(int[] rows) {
            return masks == null ? null : Nd4j.pullRows(masks, 1, rows);
        }

        INDArray masks(INDArrayIndex range) {
            return masks == null ? null : masks.get(range);
        }
    }

    @Override
    public BackendData upload(ArrayDataset data) {
        INDArray targets = data.targetCount() == 0
                ? Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, data.size(), 1)
                : Nd4j.createFromArray(data.targets());
        // A mask row has one value per time step, which is what DL4J's recurrent feature masks hold; only
        // a sequence input has time steps to mask.
        INDArray masks = data.hasFeatureMasks() && inputShape instanceof Shape.Sequence && data.size() > 0
                ? Nd4j.createFromArray(data.featureMasks()) : null;
        return new Dl4jData(Nd4j.createFromArray(data.features()), targets, masks);
    }

    /**
     * Feature rows are kept flat (so batches are cut with cheap row gathers); sequences are stored time-major (step after step), while DL4J's recurrent layers
     * want [batch, features, time].
     */
    private INDArray toNetworkLayout(INDArray flatRows) {
        if (inputShape instanceof Shape.Sequence sequence) {
            long rows = flatRows.size(0);
            long steps = flatRows.size(1) / sequence.features();
            return flatRows.reshape('c', rows, steps, sequence.features()).permute(0, 2, 1).dup('c');
        }
        return flatRows;
    }

    @Override
    public double fitBatch(BackendData data, int[] rows) {
        Dl4jData d = (Dl4jData) data;
        // pullRows gathers natively; INDArray.getRows builds a view per row and cost ~30 % of an MLP step.
        graph.fit(new DataSet(toNetworkLayout(Nd4j.pullRows(d.features(), 1, rows)),
                Nd4j.pullRows(d.targets(), 1, rows), d.masks(rows), null));
        return graph.score();
    }

    @Override
    public float[][] predict(BackendData data) {
        Dl4jData d = (Dl4jData) data;
        long rows = d.features().size(0);
        float[][] result = new float[(int) rows][];
        for (long start = 0; start < rows; start += INFERENCE_CHUNK) {
            long end = Math.min(rows, start + INFERENCE_CHUNK);
            INDArrayIndex range = NDArrayIndex.interval(start, end);
            INDArray masks = d.masks(range);
            float[][] out = rowsOf(graph.output(false, new INDArray[] {toNetworkLayout(d.features().get(range))},
                    masks == null ? null : new INDArray[] {masks})[0]);
            System.arraycopy(out, 0, result, (int) start, out.length);
        }
        return result;
    }

    @Override
    public float[][] predict(float[][] features) {
        if (features.length == 0) {
            return new float[0][];
        }
        return rowsOf(graph.output(false, toNetworkLayout(Nd4j.createFromArray(features)))[0]);
    }

    /**
     * A [rows, columns] array's rows, copied out through its flat buffer: {@code INDArray.toFloatMatrix()} reads
     * element by element and took about a second for 14,400 rows of 2 (the decision boundary's grid).
     */
    static float[][] rowsOf(INDArray matrix) {
        int rows = (int) matrix.size(0);
        int columns = (int) matrix.size(1);
        float[] flat = matrix.dup('c').data().asFloat();
        float[][] result = new float[rows][columns];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(flat, row * columns, result[row], 0, columns);
        }
        return result;
    }

    @Override
    public double meanLoss(BackendData data) {
        Dl4jData d = (Dl4jData) data;
        long rows = d.features().size(0);
        double weightedSum = 0;
        for (long start = 0; start < rows; start += INFERENCE_CHUNK) {
            long end = Math.min(rows, start + INFERENCE_CHUNK);
            INDArrayIndex range = NDArrayIndex.interval(start, end);
            weightedSum += graph.score(new DataSet(toNetworkLayout(d.features().get(range)), d.targets().get(range),
                    d.masks(range), null), false) * (end - start);
        }
        return weightedSum / rows;
    }

    @Override
    public void setLearningRate(double learningRate) {
        graph.setLearningRate(learningRate);
    }

    /** DL4J's updater turns the gradient view into the update in place, so after a fit the view holds it. */
    @Override
    public double lastUpdateNorm() {
        INDArray update = graph.getFlattenedGradients();
        return update == null ? Double.NaN : update.norm2Number().doubleValue();
    }

    @Override
    public double parameterNorm() {
        return graph.params().norm2Number().doubleValue();
    }

    @Override
    public void seedRandom(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }

    private record Dl4jSnapshot(INDArray parameters) implements ParameterSnapshot {
    }

    @Override
    public ParameterSnapshot snapshot() {
        return new Dl4jSnapshot(graph.params().dup());
    }

    @Override
    public void restore(ParameterSnapshot snapshot) {
        graph.setParams(((Dl4jSnapshot) snapshot).parameters());
    }

    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(graph, file.toFile(), true);
    }

    @Override
    public long parameterCount() {
        return graph.numParams();
    }

    /** DL4J names a graph's parameters "node_param" (e.g. hidden1_W, hidden1_b), in topological order. */
    @Override
    public List<LayerParameters> layerParameters() {
        List<LayerParameters> parameters = new ArrayList<>();
        for (Map.Entry<String, INDArray> entry : graph.paramTable().entrySet()) {
            String key = entry.getKey();
            int cut = key.lastIndexOf('_');
            INDArray values = entry.getValue();
            parameters.add(new LayerParameters(cut < 0 ? key : key.substring(0, cut), cut < 0 ? key
                    : key.substring(cut + 1), values.shape().clone(), values.dup('c').data().asFloat()));
        }
        return parameters;
    }

    @Override
    public Map<String, float[]> layerActivations(float[][] features) {
        Map<String, float[]> activations = new LinkedHashMap<>();
        if (features.length == 0) {
            return activations;
        }
        Map<String, INDArray> all = graph.feedForward(toNetworkLayout(Nd4j.createFromArray(features)), false);
        for (String name : graph.getConfiguration().getTopologicalOrderStr()) {
            INDArray output = all.get(name);
            if (output != null && !graph.getConfiguration().getNetworkInputs().contains(name)) {
                activations.put(name, output.dup('c').data().asFloat());
            }
        }
        return activations;
    }

    @Override
    public void close() {
        graph.close();
    }
}
