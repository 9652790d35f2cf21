package io.neuralworkbench.engine.data;

import java.util.List;

/**
 * Writes columns and rows as comma-separated text with a header line, quoting only where {@link CsvParser}
 * needs it, so that reading the text back gives the same cells.
 */
final class CsvWriter {
    private CsvWriter() {
    }

    /** The header line and one line per row, each ending in a newline; a null cell is written empty. */
    static String text(List<String> columnNames, List<String[]> rows) {
        StringBuilder text = new StringBuilder();
        appendLine(text, columnNames.toArray(new String[0]));
        rows.forEach(row -> appendLine(text, row));
        return text.toString();
    }

    private static void appendLine(StringBuilder text, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(cells[i]));
        }
        text.append('\n');
    }

    /** Quoted when it holds a comma, quote or line break, or starts or ends with spaces the parser would trim. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
