package io.neuralworkbench.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.Arrays;

/**
 * PyTorch through DJL, written as DJL's own training loop does it. Like our engine it holds all rows natively and
 * gathers each batch by row index.
 */
final class PyTorchTrainingLoop implements TrainingLoop {
    private final NDManager manager;
    private final Model model;
    private final Trainer trainer;
    private final NDArray features;
    private final NDArray labels;

    PyTorchTrainingLoop(BenchModel benchModel, SyntheticData samples) {
        manager = NDManager.newBaseManager("PyTorch");
        model = Model.newInstance(benchModel.id(), "PyTorch");
        model.setBlock(benchModel.pytorchBlock());
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
        // The loss applies log-softmax to the logits, as our output layer's softmax with cross-entropy does.
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam));
        trainer.initialize(benchModel.pytorchInputShape(benchModel.batchSize()));
        features = upload(benchModel, samples.features());
        labels = manager.create(Arrays.stream(samples.labels()).asLongStream().toArray());
    }

    /** Token ids go in as integers, which PyTorch's embedding requires; everything else as floats. */
    private NDArray upload(BenchModel benchModel, float[][] rows) {
        Shape shape = benchModel.pytorchInputShape(rows.length);
        int width = benchModel.featureCount();
        if (benchModel.takesTokenIds()) {
            long[] ids = new long[rows.length * width];
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < width; j++) {
                    ids[i * width + j] = (long) rows[i][j];
                }
            }
            return manager.create(ids, shape);
        }
        float[] values = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, values, i * width, width);
        }
        return manager.create(values, shape);
    }

    @Override
    public double step(int[] rows) {
        // Everything made for this batch lives in a sub-manager that is freed with it.
        try (NDManager batch = manager.newSubManager()) {
            NDIndex selected = new NDIndex("{}", batch.create(Arrays.stream(rows).asLongStream().toArray()));
            NDArray x = features.get(batch, selected);
            NDArray y = labels.get(batch, selected);
            NDArray loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                collector.backward(loss);
            }
            trainer.step();
            return loss.getFloat();
        }
    }

    @Override
    public long parameterCount() {
        return model.getBlock().getParameters().values().stream()
                .mapToLong(parameter -> parameter.getArray().size()).sum();
    }

    @Override
    public String threads() {
        return pyTorchThreads();
    }

    static String pyTorchThreads() {
        return "intra-op " + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads();
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }
}
