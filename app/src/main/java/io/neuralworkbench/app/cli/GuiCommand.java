package io.neuralworkbench.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.neuralworkbench.app.gui.WorkbenchApp;
import io.neuralworkbench.app.samples.SampleProject;
import io.neuralworkbench.engine.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench gui [PROJECT]}: the graphical workbench. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench window, with PROJECT (a .nwproj project or a CSV/TSV file) or a sample.")
final class GuiCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PROJECT",
            description = "A project file (.nwproj) or a data file to open; the welcome screen when left out.")
    private Path project;

    @Option(names = "--sample", paramLabel = "NAME",
            description = "A sample project to open (a fresh copy in the projects folder): iris, mnist-lenet, "
                    + "sms-spam or two-spirals.")
    private String sample;

    @Override
    public Integer call() {
        if (!displayAvailable()) {
            throw new UserInputException("There is no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
                    + "are not set). Run it on a desktop, through 'xvfb-run workbench gui', or use the commands "
                    + "of 'workbench --help'.");
        }
        if (project != null && sample != null) {
            throw new UserInputException("Give either PROJECT or --sample, not both.");
        }
        WorkbenchApp.launch(project, sample == null ? null : SampleProject.withId(sample));
        return 0;
    }

    /** Linux needs an X11 or Wayland display; Windows and macOS always have one. */
    static boolean displayAvailable() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        return isSet(System.getenv("DISPLAY")) || isSet(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
