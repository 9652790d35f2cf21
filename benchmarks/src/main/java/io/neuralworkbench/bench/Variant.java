package io.neuralworkbench.bench;

import java.util.HashMap;
import java.util.Map;

/** An engine limited to a number of threads, measured in a child process of its own. */
record Variant(Engine engine, int threads) {

    /** Variables that steer the native thread pools; never inherited, so only a variant's own settings apply. */
    static final String[] THREAD_VARIABLES = {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
            "ND4J_SKIP_BLAS_THREADS", "OMP_WAIT_POLICY"};

    /**
     * PyTorch sizes its intra-op pool from OMP_NUM_THREADS. Our engine has OpenMP and OpenBLAS pools; to keep
     * OpenBLAS at one thread ND4J must also be told not to size it to the core count itself at start-up.
     */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("OMP_NUM_THREADS", Integer.toString(threads));
        if (engine == Engine.OURS) {
            environment.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            if (threads == 1) {
                environment.put("ND4J_SKIP_BLAS_THREADS", "1");
            }
        }
        return environment;
    }

    String label() {
        return engine.label() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }
}
