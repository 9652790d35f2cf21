package io.neuralworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralworkbench.engine.UserInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class WorkbenchCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CommandLine cli;

    @BeforeEach
    void configureCommandLine() {
        cli = WorkbenchCli.commandLine();
        cli.addSubcommand("fail", new Failing(new UserInputException("Column 'price' not found in data.csv.")));
        cli.addSubcommand("crash", new Failing(new IllegalStateException("broken invariant")));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
    }

    @Test
    void withoutADisplayShowsUsageAndHowToOpenTheWindow() {
        System.setProperty(WorkbenchCli.NO_WINDOW_PROPERTY, "true");
        assertThat(cli.execute()).isZero();
        assertThat(out.toString()).startsWith("There is no display for the window; open it with 'workbench gui'")
                .contains("Usage: workbench", "info");
    }

    @Test
    void aProjectFileAloneOpensItInTheWindowAsTheFileAssociationPassesIt() {
        assertThat(WorkbenchCli.argumentsForLaunch(new String[] {"/home/ann/Projects/Iris.NWPROJ"}))
                .containsExactly("gui", "/home/ann/Projects/Iris.NWPROJ");
        assertThat(WorkbenchCli.argumentsForLaunch(new String[] {"train", "iris.nwproj"}))
                .containsExactly("train", "iris.nwproj");
        assertThat(WorkbenchCli.argumentsForLaunch(new String[] {"iris.csv"})).containsExactly("iris.csv");
        assertThat(WorkbenchCli.argumentsForLaunch(new String[0])).isEmpty();
    }

    @Test
    void helpAndVersionSucceed() {
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: workbench");

        out.getBuffer().setLength(0);
        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).containsPattern("^Neural Workbench \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(cli.execute("--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");

        assertThat(cli.execute("no-such-command")).isEqualTo(2);
    }

    @Test
    void userInputErrorsShowOnlyTheirMessageAndExitWithTwo() {
        assertThat(cli.execute("fail")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Column 'price' not found in data.csv." + System.lineSeparator());
    }

    @Test
    void internalErrorsShowOneLineAndExitWithOne() {
        assertThat(cli.execute("crash")).isEqualTo(1);
        assertThat(err.toString().lines())
                .containsExactly("Internal error: java.lang.IllegalStateException: broken invariant"
                        + " (run again with --debug to see the stack trace)");
    }

    @Test
    void debugAddsTheStackTraceToInternalErrorsAtEitherLevel() {
        String stackFrame = "\tat io.neuralworkbench.app.cli.WorkbenchCliTest.configureCommandLine";

        assertThat(cli.execute("--debug", "crash")).isEqualTo(1);
        assertThat(err.toString()).startsWith("Internal error: java.lang.IllegalStateException: broken invariant")
                .contains(stackFrame);

        err.getBuffer().setLength(0);
        assertThat(cli.execute("crash", "--debug")).isEqualTo(1);
        assertThat(err.toString()).contains(stackFrame);
    }

    @Test
    void infoPrintsTheBackendReport() throws Exception {
        assertThat(cli.execute("info")).isZero();
        assertThat(out.toString()).contains("ND4J backend:    CpuBackend");

        out.getBuffer().setLength(0);
        assertThat(cli.execute("info", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("backend").asText()).isEqualTo("CpuBackend");
        assertThat(json.get("availableProcessors").asInt()).isPositive();
    }

    @Command(name = "failing")
    private static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }
}
