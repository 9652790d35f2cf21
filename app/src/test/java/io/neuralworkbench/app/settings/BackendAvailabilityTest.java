package io.neuralworkbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.neuralworkbench.engine.backend.BackendReport;
import io.neuralworkbench.engine.backend.ComputeDevice;
import org.junit.jupiter.api.Test;

class BackendAvailabilityTest {

    private static BackendReport report(String backend, String problem, List<ComputeDevice> devices) {
        return new BackendReport(backend, problem, "OpenBLAS", 2, 2, devices, 2, 1L << 30, null, null, "1.0.0-M2.1",
                "1.0.0-M2.1", "17", "Linux");
    }

    @Test
    void theCpuBuildSaysTheCudaBuildIsNotInstalled() {
        BackendAvailability availability = BackendAvailability.of(
                report("CpuBackend", null, List.of(new ComputeDevice("Intel Xeon", 8L << 30))), false);

        assertThat(availability.cpu()).isEqualTo("Intel Xeon (2 cores)");
        assertThat(availability.gpu()).isEmpty();
        assertThat(availability.gpuProblem()).get().asString()
                .contains("the CUDA build of the backend (nd4j-cuda) is not installed");
    }

    @Test
    void theCudaBuildWithoutADeviceSaysSo() {
        BackendAvailability availability = BackendAvailability.of(
                report("CpuBackend", null, List.of(new ComputeDevice("Intel Xeon", null))), true);

        assertThat(availability.gpuProblem()).get().asString().contains("no CUDA device was found");
    }

    @Test
    void aCudaBackendThatFailedToStartGivesItsReason() {
        BackendAvailability availability = BackendAvailability.of(
                report("unknown", "UnsatisfiedLinkError: libcudart.so.11.6", List.of()), true);

        assertThat(availability.gpuProblem()).get().asString().contains("could not start")
                .contains("libcudart.so.11.6");
    }

    @Test
    void aLoadedCudaBackendOffersItsGpus() {
        BackendAvailability availability = BackendAvailability.of(
                report("JCublasBackend", null, List.of(new ComputeDevice("NVIDIA T4", 16L << 30))), true);

        assertThat(availability.gpu()).contains("GPU: NVIDIA T4");
        assertThat(availability.gpuProblem()).isEmpty();
        assertThat(availability.cpu()).isEqualTo("CPU (2 cores)");
    }

    @Test
    void thisBuildHasNoCudaBackendOnItsClassPath() {
        assertThat(BackendAvailability.cudaBuildInstalled()).isFalse();
    }
}
