package io.neuralworkbench.bench;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingBackend;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Our engine through the same calls a training session makes: compile, upload once, then fit batch after batch. */
final class EngineTrainingLoop implements TrainingLoop {
    private final TrainableModel model;
    private final BackendData data;
    private final Supplier<String> threadReport;

    EngineTrainingLoop(TrainingBackend backend, BenchModel benchModel, SyntheticData samples,
                       Supplier<String> threadReport) {
        this.threadReport = threadReport;
        // The defaults are Adam with learning rate 1e-3, as on the PyTorch side.
        model = backend.compile(benchModel.network(),
                TrainingConfig.defaults().withBatchSize(benchModel.batchSize()));
        data = model.upload(new ArrayDataset(samples.features(), samples.oneHotLabels(benchModel.classes()),
                IntStream.range(0, benchModel.classes()).mapToObj(Integer::toString).toList()));
    }

    @Override
    public double step(int[] rows) {
        return model.fitBatch(data, rows);
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public String threads() {
        return threadReport.get();
    }

    /** ND4J reports -1 BLAS threads when told to leave OpenBLAS alone; OpenBLAS then follows its variable. */
    static String nd4jThreads() {
        int blasThreads = Nd4j.factory().blas().getMaxThreads();
        return "OpenMP " + Nd4j.getEnvironment().maxMasterThreads() + ", BLAS "
                + (blasThreads > 0 ? blasThreads : "OPENBLAS_NUM_THREADS=" + System.getenv("OPENBLAS_NUM_THREADS"));
    }

    @Override
    public void close() {
        data.close();
        model.close();
    }
}
