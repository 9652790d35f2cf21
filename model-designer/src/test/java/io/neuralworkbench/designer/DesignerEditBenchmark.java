package io.neuralworkbench.designer;

import io.neuralworkbench.designer.commands.Connect;
import io.neuralworkbench.designer.commands.Disconnect;
import io.neuralworkbench.designer.commands.EditHyperparameter;
import io.neuralworkbench.designer.commands.MoveNodes;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long one edit of a large network takes in the designer's model: the command, the undo record and the full
 * re-validation (shape inference, validator, fixes, summary) that every edit of the network triggers (a move
 * changes only positions and keeps the last validation). Not a test: it prints
 * milliseconds per edit for docs/designer.md. Run from the repository root after {@code test-compile}:
 * {@code java -cp model-designer/target/test-classes:model-designer/target/classes:<class path>
 * io.neuralworkbench.designer.DesignerEditBenchmark 300}, or with the Maven profile {@code designer-bench}.
 */
public final class DesignerEditBenchmark {
    private static final int WARM_UP_EDITS = 300;
    private static final int TIMED_EDITS = 600;

    private DesignerEditBenchmark() {
    }

    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        NetworkDescription network = residualTower(nodes);
        DesignerModel model = DesignerModel.of(network);
        System.out.printf(Locale.ROOT, "network: %d nodes, %d wires, %s%n", network.nodes().size(),
                network.edges().size(), model.analysis().summary().describe());

        List<String> denseNames = network.nodes().stream().filter(n -> n.layer() instanceof Layer.Dense)
                .map(n -> n.name()).toList();
        runEdits(model, denseNames, WARM_UP_EDITS);
        long[] nanos = runEdits(model, denseNames, TIMED_EDITS);
        String[] kinds = {"set units", "move", "disconnect", "connect"};
        for (int kind = 0; kind < kinds.length; kind++) {
            long[] ofKind = new long[TIMED_EDITS / 4];
            for (int i = 0; i < ofKind.length; i++) {
                ofKind[i] = nanos[i * 4 + kind];
            }
            Arrays.sort(ofKind);
            System.out.printf(Locale.ROOT, "  %-10s median %.2f ms%n", kinds[kind], ofKind[ofKind.length / 2] / 1e6);
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElseThrow() / 1e6;
        System.out.printf(Locale.ROOT, "%d edits (each re-validates the whole network if it changed): mean %.2f ms, median %.2f ms,"
                        + " 95th percentile %.2f ms, max %.2f ms%n", TIMED_EDITS, mean, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6, nanos[nanos.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "%d cores, load average %.1f at the end%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** A mix of the edits people make, four to a node: change units (shapes change downstream), move, cut, rewire. */
    private static long[] runEdits(DesignerModel model, List<String> denseNames, int count) {
        long[] nanos = new long[count];
        String cutFrom = null;
        for (int i = 0; i < count; i++) {
            String dense = denseNames.get((i / 4 * 7) % denseNames.size());
            if (i % 4 == 2) {
                cutFrom = model.network().inputsOf(dense).get(0);
            }
            DesignerCommand command = switch (i % 4) {
                case 0 -> new EditHyperparameter(dense, "units", 32 + i % 64);
                case 1 -> MoveNodes.by(model.state(), List.of(dense), CardGeometry.GRID, 0);
                case 2 -> new Disconnect(cutFrom, dense);
                default -> new Connect(cutFrom, dense);
            };
            long start = System.nanoTime();
            model.execute(command);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /**
     * input → blocks of dense, batch normalisation, activation and a residual add (dropout on the skip) → output,
     * about {@code nodes} nodes in all: deep and with merges, like the networks that make validation work hardest.
     */
    static NetworkDescription residualTower(int nodes) {
        int blocks = Math.max(1, (nodes - 3) / 5);
        NetworkDescription.Builder builder = NetworkDescription.builder("residual tower")
                .then("input", Layer.Input.flat(64))
                .then("stem", Layer.Dense.of(64));
        String previous = "stem";
        for (int block = 1; block <= blocks; block++) {
            builder.add("dense" + block, Layer.Dense.of(64), List.of(previous))
                    .then("norm" + block, Layer.BatchNormalization.defaults())
                    .then("relu" + block, new Layer.ActivationLayer(Activation.RELU))
                    .add("skip" + block, Layer.Dropout.of(0.1), List.of(previous))
                    .add("add" + block, new Layer.Add(), List.of("relu" + block, "skip" + block));
            previous = "add" + block;
        }
        return builder.add("output", Layer.Output.classification(10), List.of(previous)).build();
    }
}
