package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.InferenceResult;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;
import io.neuralworkbench.engine.network.NetworkValidator;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code workbench validate}: shapes, parameter counts and problems of a network file, without training. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Check a network description: each node's output shape and parameter count, and what is wrong.",
            "Exits with 2 when the network has errors, 0 when it is valid (warnings allowed)."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NET.json", description = "The network description file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        NetworkDescription network = NetworkJson.fromFile(file);
        InferenceResult inference = ShapeInference.infer(network);
        List<Diagnostic> diagnostics = NetworkValidator.validate(network);
        PrintWriter out = spec.commandLine().getOut();

        int nameWidth = Math.max(4, network.nodes().stream().mapToInt(n -> n.name().length()).max().orElse(4));
        String row = "%-" + nameWidth + "s  %-18s  %-16s  %,12d%n";
        out.printf(Locale.ROOT, "%-" + nameWidth + "s  %-18s  %-16s  %12s%n", "node", "kind", "output", "parameters");
        for (Node node : network.nodes()) {
            Shape shape = inference.outputShapes().get(node.name());
            out.printf(Locale.ROOT, row, node.name(), node.layer().kind(), shape == null ? "?" : shape.toString(),
                    inference.parameterCounts().getOrDefault(node.name(), 0L));
        }
        out.printf(Locale.ROOT, "Total parameters: %,d%n", inference.totalParameters());
        if (diagnostics.isEmpty()) {
            out.println("The network is valid.");
        } else {
            diagnostics.forEach(d -> out.println(d.toString()));
        }
        out.flush();
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? ExitCode.USAGE : ExitCode.OK;
    }
}
