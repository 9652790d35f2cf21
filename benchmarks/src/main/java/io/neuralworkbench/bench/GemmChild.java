package io.neuralworkbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Child process: this machine's practical compute limit, the best speed of a large float matrix multiply through
 * ND4J (OpenBLAS SGEMM). Arguments: size repeats.
 */
public final class GemmChild {
    private static final int WARMUP_MULTIPLIES = 2;

    private GemmChild() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int repeats = Integer.parseInt(args[1]);
        INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray product = Nd4j.create(DataType.FLOAT, size, size);
        for (int i = 0; i < WARMUP_MULTIPLIES; i++) {
            a.mmuli(b, product);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            a.mmuli(b, product);
            best = Math.min(best, System.nanoTime() - start);
        }
        double flops = 2.0 * size * size * size;
        ResultLine.print(new GemmMeasurement(size, EngineTrainingLoop.nd4jThreads(), flops / (best / 1e9)));
    }
}
