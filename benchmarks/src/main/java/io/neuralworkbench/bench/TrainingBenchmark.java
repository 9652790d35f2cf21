package io.neuralworkbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains every model with our engine and with PyTorch on this CPU, alternating, and prints a Markdown table of
 * samples per second, their ratio, the fraction of the machine's GEMM peak and peak memory.
 * Each measurement runs in its own JVM: two OpenMP runtimes in one process would fight over the cores.
 */
public final class TrainingBenchmark {
    static final int GEMM_REPEATS = 5;

    private final BenchmarkOptions options;

    private TrainingBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + System.lineSeparator() + BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println(new TrainingBenchmark(options).run());
    }

    private String run() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts = cores == 1 ? List.of(1) : List.of(1, cores);
        String loadBefore = loadAverage();
        if (options.jfrDirectory() != null) {
            Files.createDirectories(options.jfrDirectory());
        }

        List<GemmMeasurement> gemm = new ArrayList<>();
        for (int threads : threadCounts) {
            Optional<GemmMeasurement> measured = runChild(GemmChild.class, List.of(),
                    new Variant(Engine.OURS, threads).environment(), GemmMeasurement.class,
                    Integer.toString(options.gemmSize()), Integer.toString(GEMM_REPEATS));
            measured.ifPresent(m -> progress("GEMM %d² with %s: %.1f GFLOP/s", m.size(), m.threads(),
                    m.bestFlopsPerSecond() / 1e9));
            measured.ifPresent(gemm::add);
        }

        List<Variant> variants = new ArrayList<>();
        for (int threads : threadCounts) {
            for (Engine engine : options.engines()) {
                variants.add(new Variant(engine, threads));
            }
        }
        Map<BenchModel, Map<Variant, List<TrainingMeasurement>>> results = new LinkedHashMap<>();
        Map<BenchModel, Map<Integer, List<PairedMeasurement>>> paired = new LinkedHashMap<>();
        for (int round = 0; round < options.rounds(); round++) {
            for (BenchModel model : options.models()) {
                // Alternate the order so that neither engine always runs first, when the machine may be quieter.
                List<Variant> order = new ArrayList<>(variants);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Variant variant : order) {
                    List<String> jvmOptions = options.jfrDirectory() == null ? List.of()
                            : List.of("-XX:StartFlightRecording=settings=profile,filename=" + options.jfrDirectory()
                                    .resolve(model.id() + "-" + variant.engine().id() + "-t" + variant.threads()
                                            + "-round" + (round + 1) + ".jfr"));
                    Optional<TrainingMeasurement> measured = runChild(TrainingChild.class, jvmOptions,
                            variant.environment(), TrainingMeasurement.class, model.id(), variant.engine().id(),
                            Double.toString(options.warmupSeconds()), Integer.toString(options.windows()),
                            Double.toString(options.windowSeconds()));
                    int roundNumber = round + 1;
                    measured.ifPresent(m -> progress("round %d/%d %-6s %-18s %8.0f samples/s (%.0f per CPU second), "
                                    + "windows %s", roundNumber, options.rounds(), model.id(), variant.label(),
                            Report.median(m.samplesPerSecond()), Report.median(m.samplesPerCpuSecond()),
                            m.samplesPerSecond().stream().map(v -> String.format("%.0f", v)).toList()));
                    results.computeIfAbsent(model, k -> new LinkedHashMap<>())
                            .computeIfAbsent(variant, k -> new ArrayList<>())
                            .add(measured.orElse(null));
                }
                if (options.pairedBlocks() > 0) {
                    for (int threads : threadCounts) {
                        Optional<PairedMeasurement> measured = runChild(PairedChild.class, List.of(),
                                new Variant(Engine.PYTORCH, threads).environment(), PairedMeasurement.class,
                                model.id(), Double.toString(options.warmupSeconds()),
                                Integer.toString(options.pairedBlocks()), Double.toString(options.windowSeconds()));
                        int roundNumber = round + 1;
                        measured.ifPresent(m -> progress("round %d/%d %-6s same JVM, %d thread(s): ours-PyTorch / "
                                        + "PyTorch %.2f by the clock, %.2f by CPU time", roundNumber, options.rounds(),
                                model.id(), threads,
                                PairedMeasurement.pairedRatio(m.oursSamplesPerSecond(), m.directSamplesPerSecond()),
                                PairedMeasurement.pairedRatio(m.oursSamplesPerCpuSecond(),
                                        m.directSamplesPerCpuSecond())));
                        paired.computeIfAbsent(model, k -> new LinkedHashMap<>())
                                .computeIfAbsent(threads, k -> new ArrayList<>()).add(measured.orElse(null));
                    }
                }
            }
        }
        return new Report(options, cores, threadCounts, gemm, results, paired, loadBefore, loadAverage()).markdown();
    }

    /** Runs a child main in a fresh JVM with the given environment; empty (after printing why) if it failed. */
    private <T> Optional<T> runChild(Class<?> main, List<String> jvmOptions, Map<String, String> environment,
                                     Class<T> resultType, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-Dai.djl.offline=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of(Variant.THREAD_VARIABLES));
        builder.environment().putAll(environment);
        if (options.ompWaitPolicy() != null) {
            builder.environment().put("OMP_WAIT_POLICY", options.ompWaitPolicy());
        }
        Process process = builder.start();
        List<String> output;
        try (BufferedReader reader = process.inputReader()) {
            output = reader.lines().toList();
        }
        int exitCode = process.waitFor();
        Optional<T> result = exitCode == 0 ? ResultLine.find(output, resultType) : Optional.empty();
        if (result.isEmpty()) {
            System.err.println(main.getSimpleName() + " " + String.join(" ", args) + " failed with exit code "
                    + exitCode + ":" + System.lineSeparator() + String.join(System.lineSeparator(), output));
        }
        return result;
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(format, args));
    }

    /** The 1, 5 and 15 minute load averages: how busy the shared machine was. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }
}
