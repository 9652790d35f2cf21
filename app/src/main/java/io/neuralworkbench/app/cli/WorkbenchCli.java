package io.neuralworkbench.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import io.neuralworkbench.engine.Version;
import io.neuralworkbench.engine.project.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code workbench} command. Exit codes: 0 success, 1 internal error, 2 bad input or usage
 * (see {@link ExitCodeExceptionHandler}).
 */
@Command(name = "workbench",
        mixinStandardHelpOptions = true,
        versionProvider = WorkbenchCli.VersionProvider.class,
        description = "Load data, design, train, evaluate and export neural networks.",
        subcommands = {GuiCommand.class, InspectCommand.class, TrainCommand.class, EvaluateCommand.class,
            PredictCommand.class, ValidateCommand.class, GenerateCommand.class, CrossValidateCommand.class,
            ExportCommand.class, ServeCommand.class,
            InfoCommand.class, CommandLine.HelpCommand.class})
public final class WorkbenchCli implements Callable<Integer> {
    static final String DEBUG_OPTION = "--debug";
    static final String NO_WINDOW_PROPERTY = "workbench.noWindow";

    @Spec
    private CommandSpec spec;

    // Read from the ParseResult by ExitCodeExceptionHandler, because it may be given to any subcommand.
    @Option(names = DEBUG_OPTION, scope = ScopeType.INHERIT,
            description = "Show the stack trace when an internal error occurs.")
    private boolean debug;

    public static void main(String[] args) {
        System.exit(commandLine().execute(argumentsForLaunch(args)));
    }

    /**
     * The desktop opens a double-clicked project file as {@code workbench FILE.nwproj} (the installers' file
     * association); that means {@code workbench gui FILE.nwproj}. Any other command line is left as it is.
     */
    static String[] argumentsForLaunch(String[] args) {
        boolean projectFileOnly = args.length == 1
                && args[0].toLowerCase(Locale.ROOT).endsWith(Project.FILE_EXTENSION);
        return projectFileOnly ? new String[] {"gui", args[0]} : args;
    }

    /** The command line with its exit code handling; tests and {@link #main} run the same configuration. */
    static CommandLine commandLine() {
        return new CommandLine(new WorkbenchCli()).setExecutionExceptionHandler(new ExitCodeExceptionHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        // Tests of the command line set this, so a developer's desktop does not open a window during the build.
        if (GuiCommand.displayAvailable() && !Boolean.getBoolean(NO_WINDOW_PROPERTY)) {
            return new GuiCommand().call();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("There is no display for the window; open it with 'workbench gui' on a desktop (the iris"
                + " sample project opens when you give none). Without a display, use the commands below.");
        out.println();
        spec.commandLine().usage(out);
        return CommandLine.ExitCode.OK;
    }

    /** The version the engine was built as; app and engine are always released together. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Neural Workbench " + Version.current(),
                "Java " + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
            };
        }
    }
}
