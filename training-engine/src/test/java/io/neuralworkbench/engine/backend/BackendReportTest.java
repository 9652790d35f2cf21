package io.neuralworkbench.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackendReportTest {

    @Test
    void reportsTheCpuBackendOfThisBuild() {
        BackendReport report = BackendReport.current();

        assertThat(report.backend()).contains("Cpu");
        assertThat(report.backendProblem()).isNull();
        assertThat(report.blasVendor()).isNotEqualTo(BackendReport.UNKNOWN);
        assertThat(report.ompThreads()).isPositive();
        assertThat(report.blasThreads()).isPositive();
        assertThat(report.availableProcessors()).isGreaterThanOrEqualTo(1);
        assertThat(report.devices()).hasSize(1);
        assertThat(report.devices().get(0).memoryBytes()).isPositive();
        assertThat(report.maxHeapBytes()).isPositive();
        assertThat(report.maxOffHeapBytes()).isPositive();
        assertThat(report.maxPhysicalBytes()).isPositive();
        assertThat(report.nd4jVersion()).isEqualTo("1.0.0-M2.1");
        assertThat(report.dl4jVersion()).isEqualTo("1.0.0-M2.1");
        assertThat(report.javaVersion()).startsWith(String.valueOf(Runtime.version().feature()));
        assertThat(report.os()).startsWith(System.getProperty("os.name"));
    }

    @Test
    void textHasOneLabelledLinePerItem() {
        String text = BackendReport.current().toText();

        assertThat(text.lines()).allMatch(line -> line.matches("[A-Za-z0-9 /-]+: +\\S.*"));
        assertThat(text).contains("ND4J backend:", "BLAS vendor:", "Threads:", "Processors:", "Device:",
                "JVM max heap:", "Off-heap limit:", "ND4J version:", "Java:", "OS:");
        assertThat(text).doesNotContain("Backend problem");
    }

    @Test
    void textSaysUnknownForWhatCouldNotBeDetermined() {
        BackendReport report = new BackendReport("unknown", "java.lang.UnsatisfiedLinkError: no jnind4jcpu", "unknown",
                null, null, List.of(new ComputeDevice("CPU (model unknown)", null)), 4, 1L << 30, null, null,
                "unknown", "unknown", "17", "Linux");

        assertThat(report.toText())
                .contains("Backend problem: java.lang.UnsatisfiedLinkError: no jnind4jcpu")
                .contains("Threads:         ND4J/OpenMP unknown, BLAS unknown")
                .contains("Device:          CPU (model unknown), unknown")
                .contains("JVM max heap:    1.0 GiB")
                .contains("Off-heap limit:  unknown (physical memory limit unknown)");
    }

    @Test
    void describesABackendProblemByEveryMessageInItsCauseChain() {
        Throwable failedLoad = new ExceptionInInitializerError(new RuntimeException("ND4J is probably missing dependencies.",
                new UnsatisfiedLinkError("no jnind4jcpu in java.library.path")));

        assertThat(BackendReport.describe(failedLoad)).isEqualTo("RuntimeException: ND4J is probably missing dependencies.;"
                + " caused by UnsatisfiedLinkError: no jnind4jcpu in java.library.path");
        assertThat(BackendReport.describe(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void readsGpuNamesAndMemoryFromCudaEnvironmentInformation() {
        Properties cuda = new Properties();
        cuda.put("cuda.devicesInformation", List.of(
                Map.of("cuda.deviceName", "NVIDIA GeForce RTX 3080", "cuda.totalMemory", 10_737_418_240L),
                Map.of("cuda.deviceName", "Tesla T4")));

        assertThat(BackendReport.gpusFrom(cuda)).containsExactly(
                new ComputeDevice("NVIDIA GeForce RTX 3080", 10_737_418_240L),
                new ComputeDevice("Tesla T4", null));
        assertThat(BackendReport.gpusFrom(new Properties())).isEmpty();
    }

    @Test
    void takesTheCpuModelFromCpuinfo() {
        Stream<String> cpuinfo = Stream.of("processor\t: 0", "vendor_id\t: GenuineIntel",
                "model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", "model name\t: ignored second core");

        assertThat(BackendReport.cpuModelFrom(cpuinfo)).contains("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz");
        assertThat(BackendReport.cpuModelFrom(Stream.of("processor\t: 0", "Hardware\t: BCM2835"))).isEmpty();
    }
}
