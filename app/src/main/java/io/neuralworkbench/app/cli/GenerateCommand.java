package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.synthetic.GeneratorSettings;
import io.neuralworkbench.engine.data.synthetic.TeachingSet;
import io.neuralworkbench.engine.data.synthetic.TeachingSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code workbench generate}: a teaching set (circles, XOR, spirals…) written as an ordinary CSV file. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a teaching set, a small synthetic dataset, as a CSV file to train on.",
            "Sets: circles, xor, spirals, blobs (classification, target label) and curve (regression, target y).",
            "Example: workbench generate spirals --out spirals.csv --samples 1000 --noise 0.1"
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The set to generate: circles, xor, spirals, blobs or curve.")
    String name;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Where to write the table.")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + GeneratorSettings.DEFAULT_SAMPLES,
            description = "How many rows, " + GeneratorSettings.MIN_SAMPLES + " to " + GeneratorSettings.MAX_SAMPLES
                    + " (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", paramLabel = "X", defaultValue = "" + GeneratorSettings.DEFAULT_NOISE,
            description = "Standard deviation of the jitter added to the points, 0 (clean) to "
                    + GeneratorSettings.MAX_NOISE + " (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + GeneratorSettings.DEFAULT_SEED,
            description = "The same seed gives the same table (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        RawTable table = TeachingSets.byName(name, samples, noise, seed);
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UserInputException("Cannot write " + out + ": the folder " + folder + " does not exist.");
        }
        table.writeCsv(out);
        TeachingSet set = TeachingSets.named(name);
        spec.commandLine().getOut().printf("Wrote %d rows of %s (%s) to %s; the column to predict is %s.%n",
                table.rowCount(), set.id(), set.description(), out.toAbsolutePath(), set.targetColumn());
        return ExitCode.OK;
    }
}
