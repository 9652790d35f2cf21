package io.neuralworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The Markdown summary of a benchmark run. Medians throughout, as they shrug off the other workers' bursts. */
final class Report {
    private final BenchmarkOptions options;
    private final int cores;
    private final List<Integer> threadCounts;
    private final List<GemmMeasurement> gemm;
    /** Per model and variant, one measurement per round; null where the child failed. */
    private final Map<BenchModel, Map<Variant, List<TrainingMeasurement>>> results;
    private final String loadBefore;
    private final String loadAfter;

    Report(BenchmarkOptions options, int cores, List<Integer> threadCounts, List<GemmMeasurement> gemm,
           Map<BenchModel, Map<Variant, List<TrainingMeasurement>>> results, String loadBefore, String loadAfter) {
        this.options = options;
        this.cores = cores;
        this.threadCounts = threadCounts;
        this.gemm = gemm;
        this.results = results;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    static double median(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    String markdown() {
        double peakFlops = gemm.stream().mapToDouble(GemmMeasurement::bestFlopsPerSecond).max().orElse(Double.NaN);
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(cores).append(" cores, ").append(cpuModel())
                .append("; load average (1/5/15 min) before ").append(loadBefore)
                .append(", after ").append(loadAfter).append(".\n");
        out.append("GEMM peak (").append(options.gemmSize()).append("² float SGEMM through ND4J, best of ")
                .append(TrainingBenchmark.GEMM_REPEATS).append("): ")
                .append(gemm.stream().map(g -> String.format("%.1f GFLOP/s with %s", g.bestFlopsPerSecond() / 1e9,
                        g.threads())).collect(Collectors.joining(", ")))
                .append("; the percentages below are of the higher.\n");
        out.append(String.format("Rounds: %d; each model and engine trained in its own JVM: %.0f s warm-up, then "
                        + "%d windows of %.1f s. Samples/s: median over rounds of each run's median window. "
                        + "Ratio: median over rounds of ours / PyTorch measured in the same round.%n%n",
                options.rounds(), options.warmupSeconds(), options.windows(), options.windowSeconds()));

        row(out, List.of("model (batch)", "threads", "ours, DL4J: samples/s (% of peak)",
                "ours, PyTorch backend: samples/s (% of peak)", "PyTorch direct: samples/s (% of peak)",
                "ratio DL4J / PyTorch", "ratio ours-PyTorch / PyTorch", "peak RSS MiB DL4J / ours-PyTorch / PyTorch",
                "parameters ours / PyTorch"));
        row(out, List.of("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"));
        for (var entry : results.entrySet()) {
            BenchModel model = entry.getKey();
            for (int threads : threadCounts) {
                List<TrainingMeasurement> dl4j = entry.getValue().get(new Variant(Engine.OURS, threads));
                List<TrainingMeasurement> ourPyTorch = entry.getValue().get(new Variant(Engine.OURS_PYTORCH, threads));
                List<TrainingMeasurement> pytorch = entry.getValue().get(new Variant(Engine.PYTORCH, threads));
                row(out, List.of(model.id() + " (" + model.batchSize() + ")", Integer.toString(threads),
                        speedCell(model, dl4j, peakFlops), speedCell(model, ourPyTorch, peakFlops),
                        speedCell(model, pytorch, peakFlops),
                        String.format("%.2f", ratio(dl4j, pytorch)), String.format("%.2f", ratio(ourPyTorch, pytorch)),
                        String.format("%.0f / %.0f / %.0f", peakResidentMiB(dl4j), peakResidentMiB(ourPyTorch),
                                peakResidentMiB(pytorch)),
                        parameters(dl4j) + " / " + parameters(pytorch)));
            }
        }
        out.append("\nThreads as the engines report them: ");
        List<String> reported = new ArrayList<>();
        for (int threads : threadCounts) {
            for (Engine engine : Engine.values()) {
                Variant variant = new Variant(engine, threads);
                reported.add(variant.label() + ": " + threadsOf(variant));
            }
        }
        out.append(String.join("; ", reported)).append(".\n");
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static List<TrainingMeasurement> completed(List<TrainingMeasurement> perRound) {
        return perRound == null ? List.of() : perRound.stream().filter(Objects::nonNull).toList();
    }

    private static double peakResidentMiB(List<TrainingMeasurement> perRound) {
        return median(completed(perRound).stream().map(TrainingMeasurement::peakResidentMiB).toList());
    }

    private static String parameters(List<TrainingMeasurement> perRound) {
        return completed(perRound).stream().map(m -> String.format("%,d", m.parameters())).findFirst().orElse("?");
    }

    private static double runSpeed(TrainingMeasurement measurement) {
        return median(measurement.samplesPerSecond());
    }

    private static String speedCell(BenchModel model, List<TrainingMeasurement> perRound, double peakFlops) {
        List<TrainingMeasurement> done = completed(perRound);
        if (done.isEmpty()) {
            return "failed";
        }
        double samplesPerSecond = median(done.stream().map(Report::runSpeed).toList());
        double percentOfPeak = 100 * samplesPerSecond * model.trainingFlopsPerSample() / peakFlops;
        return String.format("%,.0f (%.2f %%)", samplesPerSecond, percentOfPeak);
    }

    /** Pairs runs of the same round, which ran minutes apart at most, so slow drifts in load cancel out. */
    private static double ratio(List<TrainingMeasurement> ours, List<TrainingMeasurement> pytorch) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; ours != null && pytorch != null && round < Math.min(ours.size(), pytorch.size()); round++) {
            if (ours.get(round) != null && pytorch.get(round) != null) {
                ratios.add(runSpeed(ours.get(round)) / runSpeed(pytorch.get(round)));
            }
        }
        return median(ratios);
    }

    private String threadsOf(Variant variant) {
        return results.values().stream()
                .flatMap(byVariant -> completed(byVariant.get(variant)).stream())
                .map(TrainingMeasurement::threads).distinct().collect(Collectors.joining(" or "));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
