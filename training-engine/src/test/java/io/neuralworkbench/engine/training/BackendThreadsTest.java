package io.neuralworkbench.engine.training;

import ai.djl.pytorch.jni.JniUtils;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/** Each backend's thread limit reaches its native thread pools (what the benchmark measured matters). */
class BackendThreadsTest {

    @Test
    void dl4jLimitsOpenMpAndBlasThreads() {
        int before = Nd4j.getEnvironment().maxMasterThreads();
        try {
            new Dl4jGraphBackend().useThreads(1);

            assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(1);
            assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
        } finally {
            new Dl4jGraphBackend().useThreads(before);
        }
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(before);
    }

    @Test
    void pyTorchLimitsItsIntraOpThreads() {
        PyTorchBackend backend = new PyTorchBackend();
        assertThat(backend.isAvailable()).isTrue();
        int before = JniUtils.getNumThreads();
        try {
            backend.useThreads(1);

            assertThat(JniUtils.getNumThreads()).isEqualTo(1);
        } finally {
            backend.useThreads(before);
        }
    }
}
