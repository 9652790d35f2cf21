package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.app.cli.SampleTables.NamedTable;
import io.neuralworkbench.engine.workflow.CrossValidation;
import io.neuralworkbench.engine.workflow.CrossValidationListener;
import io.neuralworkbench.engine.workflow.CrossValidationResult;
import io.neuralworkbench.engine.workflow.FoldResult;
import io.neuralworkbench.engine.workflow.MetricSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

/** {@code workbench crossvalidate}: k-fold cross-validation of one configuration, each fold's metrics and their spread. */
@Command(name = "crossvalidate",
        mixinStandardHelpOptions = true,
        description = {
            "Estimate how well a configuration generalises: train it k times, each time holding out one of k folds"
                    + " (stratified by class), and report each fold's metrics and their mean ± standard deviation.",
            "Example: workbench crossvalidate --data iris.csv --target species --folds 5 --epochs 30 --lr 0.01"
        })
final class CrossValidateCommand implements Callable<Integer> {

    /** A file of the user's, or a bundled sample or teaching set by name. */
    static final class DataSource {
        @Option(names = "--data", paramLabel = "FILE", required = true, description = "The CSV or TSV file to learn from.")
        Path file;

        @Option(names = "--sample", paramLabel = "NAME", required = true,
                description = SampleTables.OPTION_DESCRIPTION)
        String sample;
    }

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "0..1")
    DataSource source;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to predict (default for a sample: its usual target).")
    String target;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "How many folds, from 2 to the size of the smallest class (default: ${DEFAULT-VALUE}).")
    int folds;

    @Mixin
    TrainingOptions training;

    @Override
    public Integer call() throws IOException {
        if (source == null) {
            throw new UserInputException("Missing data: give --data FILE or --sample NAME (e.g. --sample iris).");
        }
        PrintWriter out = spec.commandLine().getOut();
        NamedTable data = source.file != null ? new NamedTable(CsvImporter.read(source.file), target)
                : SampleTables.named(source.sample, target);
        if (data.target() == null) {
            throw new UserInputException("Missing --target: name the column to predict.");
        }
        CrossValidation cv = CrossValidation.prepare(data.table(), training.spec(data.target()),
                training.networkOrTemplate(), training.config(), training.trainingBackend(), folds);
        out.printf(Locale.ROOT, "Data: %s, %d rows in %d folds%s%n", data.table().fileName(), cv.data().rowCount(),
                folds, cv.data().task() == TaskType.CLASSIFICATION ? " stratified by class"
                        : "; regression on " + data.target());
        cv.notes().forEach(note -> out.println("Note: " + note));

        CrossValidationResult result = cv.run(new Reporter(out, cv.config().epochs()));
        result.notes().stream().filter(note -> !cv.notes().contains(note))
                .forEach(note -> out.println("Note: " + note));
        if (!result.folds().isEmpty()) {
            out.printf(Locale.ROOT, "Mean ± standard deviation over %d folds:%n", result.folds().size());
            for (MetricSummary metric : result.summary()) {
                out.printf(Locale.ROOT, "  %-9s %.4f ± %.4f%n", metric.metric(), metric.mean(),
                        metric.standardDeviation());
            }
        }
        out.flush();
        if (!result.isComplete()) {
            spec.commandLine().getErr().println(result.message());
            return ExitCode.SOFTWARE;
        }
        return ExitCode.OK;
    }

    /**
     * One line per finished fold on the command's output; on a terminal also a live bar while a fold trains
     * (only there, so that logs and redirected output hold the results alone).
     */
    private static final class Reporter implements CrossValidationListener {
        private final PrintWriter out;
        private final int epochs;
        private final boolean terminal = System.console() != null;
        private TerminalProgressBar bar;

        Reporter(PrintWriter out, int epochs) {
            this.out = out;
            this.epochs = epochs;
        }

        @Override
        public void onFoldStarted(int fold, int foldCount, int trainingRows, int heldOutRows) {
            if (terminal) {
                bar = new TerminalProgressBar(System.out, true, Clock.systemUTC());
            }
        }

        @Override
        public void onIteration(int fold, int foldCount, IterationEvent event) {
            if (bar != null) {
                bar.update(event.progress(), String.format(Locale.ROOT, "fold %d/%d  epoch %d/%d  loss %.4f",
                        fold + 1, foldCount, event.epoch() + 1, epochs, event.loss()), null);
            }
        }

        @Override
        public void onFoldFinished(FoldResult result, int foldCount) {
            if (bar != null) {
                bar.finish("fold " + (result.fold() + 1) + "/" + foldCount + " trained");
            }
            String metrics = CrossValidationResult.metricNames(result.heldOut().classification() != null
                    ? TaskType.CLASSIFICATION : TaskType.REGRESSION).stream()
                    .map(name -> String.format(Locale.ROOT, "%s %.4f", name, result.metric(name)))
                    .collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "Fold %d/%d: %s (%d training, %d held-out rows, %d epochs, %.1f s)%n",
                    result.fold() + 1, foldCount, metrics, result.trainingRows(), result.heldOutRows(),
                    result.epochs(), result.trainingSeconds());
            out.flush();
        }
    }
}
