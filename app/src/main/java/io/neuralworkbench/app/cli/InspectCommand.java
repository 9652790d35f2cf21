package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.ColumnProfiler;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.RawTable;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code workbench inspect}: what the importer sees in a CSV file, before choosing a target and training. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show a CSV/TSV file's detected format and each column's type and statistics.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV or TSV file.")
    Path file;

    @Option(names = "--json", description = "Print the format and column profiles as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        RawTable table = CsvImporter.read(file);
        var profiles = ColumnProfiler.profile(table);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("file", table.fileName());
            document.put("delimiter", table.format().delimiterName());
            document.put("rows", table.rowCount());
            document.put("sha256", table.sha256());
            document.put("columns", profiles);
            out.println(Json.mapper().writeValueAsString(document));
        } else {
            out.printf(Locale.ROOT, "%s: %,d rows, %d columns, %s-separated%n", table.fileName(), table.rowCount(),
                    table.columnCount(), table.format().delimiterName());
            int width = Math.max(6, table.columnNames().stream().mapToInt(String::length).max().orElse(6));
            out.printf(Locale.ROOT, "%-" + width + "s  %-11s  %7s  %7s  %s%n", "column", "type", "values", "missing",
                    "statistics");
            for (ColumnProfile column : profiles) {
                out.printf(Locale.ROOT, "%-" + width + "s  %-11s  %7d  %7d  %s%n", column.name(), column.type(),
                        column.count(), column.missing(), statistics(column));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String statistics(ColumnProfile column) {
        if (column.type() == ColumnType.NUMERIC) {
            return String.format(Locale.ROOT, "min %.4g  max %.4g  mean %.4g  std %.4g", column.min(), column.max(),
                    column.mean(), column.std());
        }
        if (column.type() == ColumnType.EMPTY) {
            return "";
        }
        return column.distinct() + " distinct: " + column.mostFrequent().stream().limit(5)
                .map(v -> (v.value().length() > 24 ? v.value().substring(0, 21) + "..." : v.value()) + " (" + v.count() + ")")
                .collect(Collectors.joining(", "));
    }
}
