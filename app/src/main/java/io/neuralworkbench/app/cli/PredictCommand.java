package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Predictions;
import io.neuralworkbench.engine.data.CsvImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code workbench predict}: a bundle's predictions for every row of a CSV file, written as CSV. */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        description = {"Predict every row of a CSV/TSV file with a model bundle (the target column may be absent).",
            "Writes: line, predicted value, and for classification each class's probability."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "A model bundle written by 'workbench train'.")
    Path bundleFile;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "The CSV/TSV file to predict.")
    Path data;

    @Option(names = "--out", paramLabel = "PREDICTIONS.csv", required = true, description = "Where to write the predictions.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (ModelBundle bundle = ModelBundle.read(bundleFile)) {
            Predictions predictions = bundle.predict(CsvImporter.read(data));
            predictions.writeCsv(out);
            spec.commandLine().getOut().println(predictions.size() + " predictions written to " + out.toAbsolutePath());
        }
        return ExitCode.OK;
    }
}
