package io.neuralworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The Markdown summary of a benchmark run. Medians throughout, as they shrug off the other workers' bursts. */
final class Report {
    private final BenchmarkOptions options;
    private final int cores;
    private final List<Integer> threadCounts;
    private final List<GemmMeasurement> gemm;
    /** Per model and variant, one measurement per round; null where the child failed. */
    private final Map<BenchModel, Map<Variant, List<TrainingMeasurement>>> results;
    /** Per model and thread count, one same-process comparison per round; null where the child failed. */
    private final Map<BenchModel, Map<Integer, List<PairedMeasurement>>> paired;
    private final String loadBefore;
    private final String loadAfter;

    Report(BenchmarkOptions options, int cores, List<Integer> threadCounts, List<GemmMeasurement> gemm,
           Map<BenchModel, Map<Variant, List<TrainingMeasurement>>> results,
           Map<BenchModel, Map<Integer, List<PairedMeasurement>>> paired, String loadBefore, String loadAfter) {
        this.options = options;
        this.cores = cores;
        this.threadCounts = threadCounts;
        this.gemm = gemm;
        this.results = results;
        this.paired = paired;
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
        out.append("OMP_WAIT_POLICY: ").append(options.ompWaitPolicy() == null ? "OpenMP's default"
                : options.ompWaitPolicy()).append(".\n");
        out.append("GEMM peak (").append(options.gemmSize()).append("² float SGEMM through ND4J, best of ")
                .append(TrainingBenchmark.GEMM_REPEATS).append("): ")
                .append(gemm.stream().map(g -> String.format("%.1f GFLOP/s with %s", g.bestFlopsPerSecond() / 1e9,
                        g.threads())).collect(Collectors.joining(", ")))
                .append("; the percentages below are of the higher.\n");

        if (!options.engines().isEmpty()) {
            separateJvmTable(out, peakFlops);
        }
        if (!paired.isEmpty()) {
            pairedTable(out);
        }
        return out.toString();
    }

    /** Each engine in a JVM of its own. */
    private void separateJvmTable(StringBuilder out, double peakFlops) {
        out.append(String.format("Rounds: %d; each model and engine trained in its own JVM: %.0f s warm-up, then "
                        + "%d windows of %.1f s. Samples/s: median over rounds of each run's median window. "
                        + "Ratio: median over rounds of ours / PyTorch measured in the same round (in brackets the "
                        + "lowest and highest round). CPU ratio: the same with samples per second of the process's "
                        + "CPU time, which the machine's other work disturbs far less.%n%n",
                options.rounds(), options.warmupSeconds(), options.windows(), options.windowSeconds()));
        row(out, List.of("model (batch)", "threads", "ours, DL4J: samples/s (% of peak)",
                "ours, PyTorch backend: samples/s (% of peak)", "PyTorch direct: samples/s (% of peak)",
                "ratio DL4J / PyTorch", "ratio ours-PyTorch / PyTorch", "CPU ratio DL4J / PyTorch",
                "CPU ratio ours-PyTorch / PyTorch", "peak RSS MiB DL4J / ours-PyTorch / PyTorch",
                "parameters ours / PyTorch"));
        row(out, List.of("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"));
        for (var entry : results.entrySet()) {
            BenchModel model = entry.getKey();
            for (int threads : threadCounts) {
                List<TrainingMeasurement> dl4j = entry.getValue().get(new Variant(Engine.OURS, threads));
                List<TrainingMeasurement> ourPyTorch = entry.getValue().get(new Variant(Engine.OURS_PYTORCH, threads));
                List<TrainingMeasurement> pytorch = entry.getValue().get(new Variant(Engine.PYTORCH, threads));
                row(out, List.of(model.id() + " (" + model.batchSize() + ")", Integer.toString(threads),
                        speedCell(model, dl4j, peakFlops), speedCell(model, ourPyTorch, peakFlops),
                        speedCell(model, pytorch, peakFlops),
                        ratioCell(dl4j, pytorch, Report::runSpeed), ratioCell(ourPyTorch, pytorch, Report::runSpeed),
                        ratioCell(dl4j, pytorch, Report::cpuSpeed), ratioCell(ourPyTorch, pytorch, Report::cpuSpeed),
                        String.format("%.0f / %.0f / %.0f", peakResidentMiB(dl4j), peakResidentMiB(ourPyTorch),
                                peakResidentMiB(pytorch)),
                        parameters(dl4j) + " / " + parameters(pytorch)));
            }
        }
        out.append("\nThreads as the engines report them: ");
        List<String> reported = new ArrayList<>();
        for (int threads : threadCounts) {
            for (Engine engine : options.engines()) {
                Variant variant = new Variant(engine, threads);
                reported.add(variant.label() + ": " + threadsOf(variant));
            }
        }
        out.append(String.join("; ", reported)).append(".\n");
    }

    /** Our PyTorch backend against PyTorch in one JVM, block against neighbouring block: the steadiest ratio. */
    private void pairedTable(StringBuilder out) {
        out.append(String.format("%nSame JVM, taking turns: our PyTorch backend and PyTorch directly in one process, "
                + "%d blocks of %.1f s each per round. Ratio: median over the blocks of all rounds of ours / PyTorch, "
                + "each block against its neighbour (in brackets the lowest and highest round's median).%n%n",
                options.pairedBlocks(), options.windowSeconds()));
        row(out, List.of("model (batch)", "threads", "ours-PyTorch samples/s", "PyTorch samples/s",
                "ratio by the clock", "ratio by CPU time"));
        row(out, List.of("---", "---:", "---:", "---:", "---:", "---:"));
        for (var entry : paired.entrySet()) {
            BenchModel model = entry.getKey();
            for (var byThreads : entry.getValue().entrySet()) {
                List<PairedMeasurement> done = byThreads.getValue().stream().filter(Objects::nonNull).toList();
                if (done.isEmpty()) {
                    row(out, List.of(model.id() + " (" + model.batchSize() + ")", byThreads.getKey().toString(),
                            "failed", "failed", "–", "–"));
                    continue;
                }
                row(out, List.of(model.id() + " (" + model.batchSize() + ")", byThreads.getKey().toString(),
                        String.format("%,.0f", median(done.stream().flatMap(m -> m.oursSamplesPerSecond().stream())
                                .toList())),
                        String.format("%,.0f", median(done.stream().flatMap(m -> m.directSamplesPerSecond().stream())
                                .toList())),
                        pairedRatioCell(done, PairedMeasurement::oursSamplesPerSecond,
                                PairedMeasurement::directSamplesPerSecond),
                        pairedRatioCell(done, PairedMeasurement::oursSamplesPerCpuSecond,
                                PairedMeasurement::directSamplesPerCpuSecond)));
            }
        }
    }

    private static String pairedRatioCell(List<PairedMeasurement> rounds,
                                          java.util.function.Function<PairedMeasurement, List<Double>> ours,
                                          java.util.function.Function<PairedMeasurement, List<Double>> direct) {
        List<Double> blockRatios = new ArrayList<>();
        List<Double> roundRatios = new ArrayList<>();
        for (PairedMeasurement round : rounds) {
            List<Double> o = ours.apply(round);
            List<Double> d = direct.apply(round);
            for (int i = 0; i < Math.min(o.size(), d.size()); i++) {
                blockRatios.add(o.get(i) / d.get(i));
            }
            roundRatios.add(PairedMeasurement.pairedRatio(o, d));
        }
        return roundRatios.size() == 1 ? String.format("%.2f", median(blockRatios))
                : String.format("%.2f (%.2f–%.2f)", median(blockRatios), Collections.min(roundRatios),
                Collections.max(roundRatios));
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

    private static double cpuSpeed(TrainingMeasurement measurement) {
        return median(measurement.samplesPerCpuSecond());
    }

    private static String speedCell(BenchModel model, List<TrainingMeasurement> perRound, double peakFlops) {
        List<TrainingMeasurement> done = completed(perRound);
        if (done.isEmpty()) {
            return perRound == null ? "not run" : "failed";
        }
        double samplesPerSecond = median(done.stream().map(Report::runSpeed).toList());
        double percentOfPeak = 100 * samplesPerSecond * model.trainingFlopsPerSample() / peakFlops;
        return String.format("%,.0f (%.2f %%)", samplesPerSecond, percentOfPeak);
    }

    /**
     * Pairs runs of the same round, which ran minutes apart at most, so slow drifts in load cancel out; the median
     * over rounds, and the lowest and highest round as a measure of the noise.
     */
    private static String ratioCell(List<TrainingMeasurement> ours, List<TrainingMeasurement> pytorch,
                                    ToDoubleFunction<TrainingMeasurement> speed) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; ours != null && pytorch != null && round < Math.min(ours.size(), pytorch.size()); round++) {
            if (ours.get(round) != null && pytorch.get(round) != null) {
                ratios.add(speed.applyAsDouble(ours.get(round)) / speed.applyAsDouble(pytorch.get(round)));
            }
        }
        if (ratios.isEmpty()) {
            return "–";
        }
        return ratios.size() == 1 ? String.format("%.2f", ratios.get(0))
                : String.format("%.2f (%.2f–%.2f)", median(ratios), Collections.min(ratios), Collections.max(ratios));
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
