package io.neuralworkbench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralworkbench.engine.backend.BackendReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench info}: what ND4J and the machine offer; the first thing to ask for in a bug report. */
@Command(name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Show the ND4J backend, BLAS, threads, devices, memory limits and versions.",
            "Exits with 1 when the ND4J backend cannot be loaded."
        })
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        BackendReport report = BackendReport.current();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            out.print(report.toText());
        }
        out.flush();
        return report.backendProblem() == null ? ExitCode.OK : ExitCode.SOFTWARE;
    }
}
