package io.neuralworkbench.engine.export.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs an exported model with ONNX Runtime on the engine's flat feature rows and compares with the engine. */
final class OnnxRuntimeCheck {
    /** What issue 8 allows between the engine's and ONNX Runtime's outputs. */
    static final double TOLERANCE = 1e-4;

    private OnnxRuntimeCheck() {
    }

    /** A bundle around a trained (or freshly compiled) model, as training writes one. */
    static ModelBundle bundle(NetworkDescription network, TrainingConfig config, InputPreprocessing preprocessing,
                              TrainableModel model) {
        return new ModelBundle(new ModelBundle.Manifest(ModelBundle.FORMAT_VERSION, "dl4j-graph", "test"), network,
                config, preprocessing, null, null, List.of(), model);
    }

    /** The engine's own prediction, masks included (what predict and evaluate use). */
    static float[][] engineOutputs(ModelBundle bundle, ArrayDataset rows) {
        try (BackendData data = bundle.model().upload(rows)) {
            return bundle.model().predict(data);
        }
    }

    /**
     * ONNX Runtime's outputs for the same rows, reshaped as the exported model's input declares (a row-major
     * reshape of the engine's rows: images channel-major, sequences step after step, token ids as int64).
     */
    static float[][] onnxOutputs(Path onnxFile, NetworkDescription network, ArrayDataset rows)
            throws OrtException {
        Shape shape = ((Layer.Input) OnnxConverter.inputNode(network).layer()).shape();
        int n = rows.size();
        int width = rows.featureCount();
        long[] dims;
        if (OnnxConverter.takesTokenIds(network)) {
            dims = new long[] {n, width};
        } else if (shape instanceof Shape.Image image) {
            dims = new long[] {n, image.channels(), image.height(), image.width()};
        } else if (shape instanceof Shape.Sequence sequence) {
            dims = new long[] {n, width / sequence.features(), sequence.features()};
        } else {
            dims = new long[] {n, width};
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(onnxFile.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = tensor(environment, rows.features(), dims, OnnxConverter.takesTokenIds(network));
             OrtSession.Result result = session.run(Map.of(OnnxConverter.inputNode(network).name(), input))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    private static OnnxTensor tensor(OrtEnvironment environment, float[][] rows, long[] dims, boolean ids)
            throws OrtException {
        int width = rows.length == 0 ? 0 : rows[0].length;
        if (ids) {
            long[] values = new long[rows.length * width];
            for (int r = 0; r < rows.length; r++) {
                for (int k = 0; k < width; k++) {
                    values[r * width + k] = (long) rows[r][k];
                }
            }
            return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), dims);
        }
        float[] values = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, values, r * width, width);
        }
        return OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), dims);
    }

    /** Exports the bundle to {@code file} and returns the largest difference ONNX Runtime makes on the rows. */
    static double exportAndCompare(ModelBundle bundle, Path file, ArrayDataset rows) throws IOException,
            OrtException {
        OnnxExport.write(bundle, file);
        return maxDifference(engineOutputs(bundle, rows), onnxOutputs(file, bundle.network(), rows));
    }

    static double maxDifference(float[][] expected, float[][] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError(actual.length + " output rows instead of " + expected.length);
        }
        double largest = 0;
        for (int r = 0; r < expected.length; r++) {
            if (expected[r].length != actual[r].length) {
                throw new AssertionError("row " + r + ": " + actual[r].length + " outputs instead of "
                        + expected[r].length);
            }
            for (int k = 0; k < expected[r].length; k++) {
                double difference = Math.abs((double) expected[r][k] - actual[r][k]);
                largest = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(largest, difference);
            }
        }
        return largest;
    }
}
