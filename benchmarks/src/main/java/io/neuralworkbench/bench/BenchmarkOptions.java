package io.neuralworkbench.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The orchestrator's command-line options; the defaults keep a full run under about ten minutes.
 *
 * @param engines      the engines to measure, in the order of {@link Engine}
 * @param pairedBlocks blocks per engine in the same-process comparison of our PyTorch backend and PyTorch (0: none)
 * @param jfrDirectory where each training run writes a Java Flight Recording, or null for none
 * @param ompWaitPolicy OMP_WAIT_POLICY for every child (ACTIVE or PASSIVE), or null to leave OpenMP's default
 */
record BenchmarkOptions(int rounds, int windows, double windowSeconds, double warmupSeconds, List<BenchModel> models,
                        List<Engine> engines, int pairedBlocks, int gemmSize, Path jfrDirectory,
                        String ompWaitPolicy) {

    static final String USAGE = """
            Options (all optional):
              --rounds N            rounds, each running every model with every engine once (default 3)
              --windows N           timed windows per child after the warm-up (default 5)
              --window-seconds S    length of one timed window (default 1)
              --warmup-seconds S    untimed training before the windows (default 3)
              --models a,b          some of: %s (default all)
              --engines a,b         some of: %s, or none (default all)
              --paired-blocks N     also train our PyTorch backend and PyTorch in one JVM, taking turns in N
                                    blocks of --window-seconds each, per model, thread count and round (default 10; 0: off)
              --gemm-size N         side of the square float matrices multiplied for the GEMM peak (default 2048)
              --omp-wait-policy P   OMP_WAIT_POLICY for every child: ACTIVE or PASSIVE (default: OpenMP's own)
              --jfr DIR             record each training run with Java Flight Recorder into DIR (default off)
            """.formatted(String.join(", ", BenchModel.ids()),
                    Arrays.stream(Engine.values()).map(Engine::id).collect(java.util.stream.Collectors.joining(", ")));

    static BenchmarkOptions parse(String[] args) {
        int rounds = 3;
        int windows = 5;
        double windowSeconds = 1.0;
        double warmupSeconds = 3.0;
        List<BenchModel> models = List.of(BenchModel.values());
        List<Engine> engines = List.of(Engine.values());
        int pairedBlocks = 10;
        int gemmSize = 2048;
        Path jfrDirectory = null;
        String ompWaitPolicy = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--windows" -> windows = Integer.parseInt(value);
                case "--window-seconds" -> windowSeconds = Double.parseDouble(value);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(value);
                case "--models" -> models = Arrays.stream(value.split(",")).map(BenchModel::byId).toList();
                case "--engines" -> engines = value.equals("none") ? List.of()
                        : Arrays.stream(value.split(",")).map(Engine::byId).sorted().toList();
                case "--paired-blocks" -> pairedBlocks = Integer.parseInt(value);
                case "--gemm-size" -> gemmSize = Integer.parseInt(value);
                case "--omp-wait-policy" -> ompWaitPolicy = value.toUpperCase(java.util.Locale.ROOT);
                case "--jfr" -> jfrDirectory = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new BenchmarkOptions(rounds, windows, windowSeconds, warmupSeconds, models, engines, pairedBlocks,
                gemmSize, jfrDirectory, ompWaitPolicy);
    }
}
