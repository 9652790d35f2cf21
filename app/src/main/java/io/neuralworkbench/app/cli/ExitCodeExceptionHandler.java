package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into an exit code and a message for the user. A
 * {@link UserInputException} is the user's to fix, so it shows just its message (exit 2, like picocli's own usage
 * errors); anything else is our bug, so the user gets one line and the stack trace only on request (exit 1).
 */
final class ExitCodeExceptionHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof UserInputException) {
            err.println(exception.getMessage());
            return ExitCode.USAGE;
        }
        if (debugRequested(parseResult)) {
            err.println("Internal error: " + exception);
            exception.printStackTrace(err);
        } else {
            err.println("Internal error: " + exception + " (run again with " + WorkbenchCli.DEBUG_OPTION
                    + " to see the stack trace)");
        }
        return ExitCode.SOFTWARE;
    }

    /** {@code --debug} is inherited by every subcommand, so it may have been given at any level. */
    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(WorkbenchCli.DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }
}
