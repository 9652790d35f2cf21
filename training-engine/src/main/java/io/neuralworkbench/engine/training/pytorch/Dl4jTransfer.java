package io.neuralworkbench.engine.training.pytorch;

import ai.djl.ndarray.NDArray;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchGraph.Role;
import io.neuralworkbench.engine.training.pytorch.PyTorchGraph.Tensor;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Copies weights between a {@link PyTorchGraph} and a DL4J {@link ComputationGraph} compiled from the same
 * description, converting layouts: DL4J keeps dense weights as [in, out] and LSTM weights as [in, 4·units]
 * with its gates in the order (cell input, forget, output, input gate) and one bias; PyTorch keeps [out, in],
 * [4·units, in] in the order (input gate, forget, cell input, output) and two biases, whose sum is DL4J's.
 */
final class Dl4jTransfer {
    /** For each DL4J gate block, the PyTorch block holding the same gate. */
    private static final int[] TORCH_BLOCK_OF_DL4J_BLOCK = {2, 1, 3, 0};

    private Dl4jTransfer() {
    }

    /** A DL4J graph for {@code network} (with {@code config}'s updater, freshly initialised) holding the weights. */
    static ComputationGraph toDl4j(PyTorchGraph source, NetworkDescription network, TrainingConfig config) {
        ComputationGraph graph = new Dl4jGraphBackend().newGraph(network, config);
        for (Map.Entry<String, List<Tensor>> node : byNode(source).entrySet()) {
            Layer layer = graph.getLayer(node.getKey());
            for (Tensor tensor : node.getValue()) {
                INDArray values = toNd4j(tensor.array());
                switch (tensor.role()) {
                    case DENSE_WEIGHT -> set(layer, "W", values.transpose());
                    case CONVOLUTION_WEIGHT, EMBEDDING -> set(layer, "W", values);
                    case BIAS -> set(layer, "b", values);
                    case LSTM_INPUT_WEIGHT -> set(layer, "W", dl4jGateColumns(values));
                    case LSTM_RECURRENT_WEIGHT -> set(layer, "RW", dl4jGateColumns(values));
                    case LSTM_INPUT_BIAS -> set(layer, "b", dl4jGateColumns(values.reshape(-1, 1)));
                    case LSTM_RECURRENT_BIAS -> layer.getParam("b").addi(
                            dl4jGateColumns(values.reshape(-1, 1)).reshape(layer.getParam("b").shape()));
                    case GAMMA, BETA, RUNNING_MEAN -> set(layer, batchNormKey(tensor.role()), values);
                    case RUNNING_VARIANCE -> setVariance(layer, values);
                }
            }
        }
        return graph;
    }

    /** Overwrites every tensor of {@code target} with the weights of a DL4J graph of the same description. */
    static void fromDl4j(ComputationGraph source, PyTorchGraph target) {
        for (Map.Entry<String, List<Tensor>> node : byNode(target).entrySet()) {
            Layer layer = source.getLayer(node.getKey());
            for (Tensor tensor : node.getValue()) {
                INDArray values = switch (tensor.role()) {
                    case DENSE_WEIGHT -> layer.getParam("W").transpose();
                    case CONVOLUTION_WEIGHT, EMBEDDING -> layer.getParam("W");
                    case BIAS -> layer.getParam("b");
                    case LSTM_INPUT_WEIGHT -> torchGateRows(layer.getParam("W"));
                    case LSTM_RECURRENT_WEIGHT -> torchGateRows(layer.getParam("RW"));
                    case LSTM_INPUT_BIAS -> torchGateRows(layer.getParam("b").reshape(1, -1));
                    case LSTM_RECURRENT_BIAS -> Nd4j.zeros(layer.getParam("b").dataType(), layer.getParam("b").length());
                    case GAMMA, BETA, RUNNING_MEAN -> layer.getParam(batchNormKey(tensor.role()));
                    case RUNNING_VARIANCE -> variance(layer);
                };
                tensor.array().set(Nd4j.toFlattened('c', values).toFloatVector());
            }
        }
    }

    /** DL4J keeps vectors as [1, n] or [n] depending on the layer: take its shape. */
    private static void set(Layer layer, String key, INDArray values) {
        layer.setParam(key, values.reshape(layer.getParam(key).shape()));
    }

    private static Map<String, List<Tensor>> byNode(PyTorchGraph graph) {
        return graph.tensors().stream().collect(Collectors.groupingBy(Tensor::node));
    }

    private static INDArray toNd4j(NDArray array) {
        return Nd4j.create(array.toFloatArray(), array.getShape().getShape(), 'c');
    }

    /** PyTorch's [4·units, n] gate rows as DL4J's [n, 4·units] gate columns. */
    private static INDArray dl4jGateColumns(INDArray torchRows) {
        long units = torchRows.size(0) / 4;
        INDArray columns = Nd4j.create(torchRows.dataType(), torchRows.size(1), torchRows.size(0));
        for (int block = 0; block < 4; block++) {
            long torchStart = TORCH_BLOCK_OF_DL4J_BLOCK[block] * units;
            columns.get(NDArrayIndex.all(), NDArrayIndex.interval(block * units, (block + 1) * units))
                    .assign(torchRows.get(NDArrayIndex.interval(torchStart, torchStart + units), NDArrayIndex.all())
                            .transpose());
        }
        return columns;
    }

    /** The inverse of {@link #dl4jGateColumns}. */
    private static INDArray torchGateRows(INDArray dl4jColumns) {
        long units = dl4jColumns.size(1) / 4;
        INDArray rows = Nd4j.create(dl4jColumns.dataType(), dl4jColumns.size(1), dl4jColumns.size(0));
        for (int block = 0; block < 4; block++) {
            long torchStart = TORCH_BLOCK_OF_DL4J_BLOCK[block] * units;
            rows.get(NDArrayIndex.interval(torchStart, torchStart + units), NDArrayIndex.all())
                    .assign(dl4jColumns.get(NDArrayIndex.all(), NDArrayIndex.interval(block * units, (block + 1) * units))
                            .transpose());
        }
        return rows;
    }

    private static String batchNormKey(Role role) {
        return switch (role) {
            case GAMMA -> BatchNormalizationParamInitializer.GAMMA;
            case BETA -> BatchNormalizationParamInitializer.BETA;
            default -> BatchNormalizationParamInitializer.GLOBAL_MEAN;
        };
    }

    /** DL4J keeps either the running variance or, by default, log10 of the running standard deviation. */
    private static boolean keepsLogStd(Layer layer) {
        return layer.paramTable().containsKey(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
    }

    private static void setVariance(Layer layer, INDArray variance) {
        if (keepsLogStd(layer)) {
            set(layer, BatchNormalizationParamInitializer.GLOBAL_LOG_STD, Transforms.log(variance, 10).muli(0.5));
        } else {
            set(layer, BatchNormalizationParamInitializer.GLOBAL_VAR, variance);
        }
    }

    private static INDArray variance(Layer layer) {
        if (keepsLogStd(layer)) {
            // variance = (10^log10(std))² = 100^log10(std)
            INDArray log10Std = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            return Transforms.pow(Nd4j.valueArrayOf(log10Std.shape(), 100.0, log10Std.dataType()), log10Std, false);
        }
        return layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
    }
}
