package io.neuralworkbench.engine.backend;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the numeric backend and the machine offer, for {@code workbench info} and bug reports.
 * Gathering it never fails: a value that cannot be determined is {@code null} and shown as "unknown", and
 * when ND4J itself cannot load (missing native libraries, wrong platform classifier) the reason is kept in
 * {@code backendProblem} because that is exactly what the report is needed for.
 *
 * @param backend          the ND4J backend class, e.g. {@code CpuBackend} or {@code CudaBackend}
 * @param backendProblem   why ND4J could not be loaded; {@code null} when it loaded
 * @param ompThreads       threads ND4J's native ops use (OpenMP)
 * @param blasThreads      threads the BLAS library uses
 * @param maxOffHeapBytes  JavaCPP's limit on off-heap memory, where ND4J keeps its arrays
 * @param maxPhysicalBytes JavaCPP's limit on the process' total physical memory
 */
public record BackendReport(
        String backend,
        String backendProblem,
        String blasVendor,
        Integer ompThreads,
        Integer blasThreads,
        List<ComputeDevice> devices,
        int availableProcessors,
        long maxHeapBytes,
        Long maxOffHeapBytes,
        Long maxPhysicalBytes,
        String nd4jVersion,
        String dl4jVersion,
        String javaVersion,
        String os) {

    static final String UNKNOWN = "unknown";
    private static final String UNKNOWN_CPU = "CPU (model unknown)";
    private static final Logger LOG = LoggerFactory.getLogger(BackendReport.class);

    public BackendReport {
        devices = List.copyOf(devices);
    }

    /** Loads ND4J if it is not loaded yet (a few seconds the first time) and reports on it. */
    public static BackendReport current() {
        Nd4jBackend backend;
        try {
            backend = Nd4j.getBackend();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("ND4J backend could not be loaded", e);
            return withMachineFacts(UNKNOWN, describe(e), UNKNOWN, null, null, List.of());
        }
        return withMachineFacts(
                backend.getClass().getSimpleName(),
                null,
                Objects.toString(probe(() -> Nd4j.factory().blas().getBlasVendor()), UNKNOWN),
                probe(() -> Nd4j.getEnvironment().maxThreads()),
                probe(() -> Nd4j.factory().blas().getMaxThreads()),
                Objects.requireNonNullElse(probe(() -> gpusFrom(Nd4j.getExecutioner().getEnvironmentInformation())),
                        List.of()));
    }

    /** Completes what ND4J reported with what the JVM and the operating system know. */
    private static BackendReport withMachineFacts(String backend, String backendProblem, String blasVendor,
            Integer ompThreads, Integer blasThreads, List<ComputeDevice> gpus) {
        Runtime runtime = Runtime.getRuntime();
        return new BackendReport(
                backend,
                backendProblem,
                blasVendor,
                ompThreads,
                blasThreads,
                gpus.isEmpty() ? List.of(new ComputeDevice(cpuModel(), physicalMemoryBytes())) : gpus,
                runtime.availableProcessors(),
                runtime.maxMemory(),
                probe(Pointer::maxBytes),
                probe(Pointer::maxPhysicalBytes),
                mavenVersion("org.nd4j", "nd4j-api"),
                mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                Runtime.version() + " (" + System.getProperty("java.vendor", UNKNOWN) + ")",
                System.getProperty("os.name", UNKNOWN) + " " + System.getProperty("os.version", "") + " "
                        + System.getProperty("os.arch", ""));
    }

    /** A human-readable report, one "label: value" line per item. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        line(text, "ND4J backend", backend);
        if (backendProblem != null) {
            line(text, "Backend problem", backendProblem);
        }
        line(text, "BLAS vendor", blasVendor);
        line(text, "Threads", "ND4J/OpenMP " + orUnknown(ompThreads) + ", BLAS " + orUnknown(blasThreads));
        line(text, "Processors", String.valueOf(availableProcessors));
        for (ComputeDevice device : devices) {
            line(text, "Device", device.name() + ", " + bytes(device.memoryBytes()));
        }
        line(text, "JVM max heap", bytes(maxHeapBytes));
        line(text, "Off-heap limit", bytes(maxOffHeapBytes) + " (physical memory limit " + bytes(maxPhysicalBytes) + ")");
        line(text, "ND4J version", nd4jVersion);
        line(text, "DL4J version", dl4jVersion);
        line(text, "Java", javaVersion);
        line(text, "OS", os);
        return text.toString();
    }

    /** Every message in the cause chain: the telling one (which native library is missing) is usually last. */
    static String describe(Throwable problem) {
        StringJoiner chain = new StringJoiner("; caused by ");
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                chain.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return chain.length() == 0 ? problem.toString() : chain.toString();
    }

    /** The GPUs listed by a CUDA backend's environment information; empty for the CPU backend. */
    static List<ComputeDevice> gpusFrom(Properties environment) {
        if (!(environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> entries)) {
            return List.of();
        }
        List<ComputeDevice> gpus = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> gpu) {
                Object name = gpu.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
                Object memory = gpu.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY);
                gpus.add(new ComputeDevice(Objects.toString(name, UNKNOWN),
                        memory instanceof Number bytes ? bytes.longValue() : null));
            }
        }
        return gpus;
    }

    /** The "model name" line of a Linux /proc/cpuinfo, if there is one. */
    static Optional<String> cpuModelFrom(Stream<String> cpuinfoLines) {
        return cpuinfoLines
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .filter(model -> !model.isEmpty())
                .findFirst();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return cpuModelFrom(lines).orElse(UNKNOWN_CPU);
        } catch (IOException | RuntimeException e) { // not Linux, or not readable
            LOG.debug("Could not read /proc/cpuinfo", e);
            return UNKNOWN_CPU;
        }
    }

    private static Long physicalMemoryBytes() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : null;
    }

    private static String mavenVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = BackendReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            LOG.debug("Could not read {}", resource, e);
            return UNKNOWN;
        }
    }

    /** The value, or {@code null} when the backend cannot tell (not every backend implements every query). */
    private static <T> T probe(Callable<T> query) {
        try {
            return query.call();
        } catch (Exception | LinkageError e) {
            LOG.debug("Backend query failed", e);
            return null;
        }
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-16s %s%n", label + ":", value));
    }

    private static String orUnknown(Object value) {
        return value == null ? UNKNOWN : value.toString();
    }

    private static String bytes(Long count) {
        return count == null ? UNKNOWN : String.format(Locale.ROOT, "%.1f GiB", count / (1024.0 * 1024 * 1024));
    }
}
