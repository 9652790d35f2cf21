package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.eval.ClassMetrics;
import io.neuralworkbench.engine.eval.ClassificationMetrics;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code workbench evaluate}: a bundle's metrics on a labelled CSV file. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Measure a model bundle on a labelled CSV/TSV file (it must have the target column).")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "A model bundle written by 'workbench train'.")
    Path bundleFile;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "The labelled CSV/TSV file.")
    Path data;

    @Option(names = "--json", description = "Print the metrics, per-class table and confusion matrix as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        EvaluationReport report;
        try (ModelBundle bundle = ModelBundle.read(bundleFile)) {
            report = bundle.evaluate(CsvImporter.read(data));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("metrics", report.headline());
            document.put("samples", report.samples());
            if (report.classification() != null) {
                document.put("perClass", report.classification().perClass());
                document.put("classNames", report.classification().classNames());
                document.put("confusionMatrix", report.classification().confusionMatrix());
            }
            out.println(Json.mapper().writeValueAsString(document));
        } else {
            out.println(report.summary());
            if (report.classification() != null) {
                printClassTable(out, report.classification());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void printClassTable(PrintWriter out, ClassificationMetrics metrics) {
        int width = Math.max(8, metrics.classNames().stream().mapToInt(String::length).max().orElse(8));
        out.printf(Locale.ROOT, "%n%-" + width + "s  precision  recall  f1      support%n", "class");
        for (ClassMetrics row : metrics.perClass()) {
            out.printf(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f  %7d%n", row.className(), row.precision(),
                    row.recall(), row.f1(), row.support());
        }
        out.printf(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f%n", "macro", metrics.macroAverage().precision(),
                metrics.macroAverage().recall(), metrics.macroAverage().f1());
        out.printf(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f%n", "weighted", metrics.weightedAverage().precision(),
                metrics.weightedAverage().recall(), metrics.weightedAverage().f1());
        out.printf(Locale.ROOT, "%nConfusion matrix (rows: actual, columns: predicted)%n");
        out.printf(Locale.ROOT, "%-" + width + "s", "");
        metrics.classNames().forEach(name -> out.printf(Locale.ROOT, "  %" + width + "s", name));
        out.println();
        List<List<Integer>> matrix = metrics.confusionMatrix();
        for (int actual = 0; actual < matrix.size(); actual++) {
            out.printf(Locale.ROOT, "%-" + width + "s", metrics.classNames().get(actual));
            for (int count : matrix.get(actual)) {
                out.printf(Locale.ROOT, "  %" + width + "d", count);
            }
            out.println();
        }
    }
}
