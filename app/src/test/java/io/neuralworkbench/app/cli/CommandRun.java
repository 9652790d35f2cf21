package io.neuralworkbench.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one run of the workbench command line printed and returned, for the CLI tests. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = WorkbenchCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
