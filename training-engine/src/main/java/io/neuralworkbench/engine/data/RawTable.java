package io.neuralworkbench.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.util.AtomicFiles;

/**
 * A delimited text file as read, before any interpretation: column names and rows of cells, where a
 * {@code null} cell is a missing value (empty in the file). Each row remembers the file line it starts on,
 * so that messages and previews can point back into the file. Immutable.
 * <p>
 * A table made in memory ({@link #of}, e.g. a generated teaching set) is the table its CSV file would give:
 * {@link #writeCsv} writes that file, and reading it back gives equal cells, line numbers and SHA-256.
 */
public final class RawTable {
    private final Path file;
    private final CsvFormat format;
    private final List<String> columnNames;
    private final List<String[]> rows;
    private final int[] lineNumbers;
    private final String sha256;

    RawTable(Path file, CsvFormat format, List<String> columnNames, List<String[]> rows, int[] lineNumbers,
             String sha256) {
        this.file = file;
        this.format = format;
        this.columnNames = List.copyOf(columnNames);
        this.rows = Collections.unmodifiableList(rows);
        this.lineNumbers = lineNumbers;
        this.sha256 = sha256;
    }

    /**
     * A table built in memory, exactly as {@link CsvImporter} would read it from its comma-separated file
     * with a header line (see {@link #writeCsv}): cells keep their text (the file quotes them where needed),
     * empty cells become missing (null), line numbers and SHA-256 are those of that file.
     *
     * @param fileName the name the table goes by in messages and provenance, e.g. {@code circles.csv}
     * @param rows     one array of cells per row, each as long as {@code columnNames}
     * @throws UserInputException if a column name appears twice, a row has the wrong width, or there are no rows
     */
    public static RawTable of(String fileName, List<String> columnNames, List<String[]> rows) {
        return CsvImporter.fromText(Path.of(fileName), CsvWriter.text(columnNames, rows));
    }

    /**
     * Writes the table as UTF-8, comma-separated, with a header line, atomically; {@link CsvImporter#read}
     * gives this table back (for a table read from a file, whatever its delimiter, the cells and names).
     */
    public void writeCsv(Path target) throws IOException {
        AtomicFiles.writeString(target, CsvWriter.text(columnNames, rows));
    }

    /** The file the table was read from; for a table made in memory, just the name it goes by. */
    public Path file() {
        return file;
    }

    /** The file name without folders, as messages name the file. */
    public String fileName() {
        return file.getFileName().toString();
    }

    public CsvFormat format() {
        return format;
    }

    /** SHA-256 of the file's bytes as lowercase hex, to record which data a model was trained on. */
    public String sha256() {
        return sha256;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public int columnCount() {
        return columnNames.size();
    }

    public int rowCount() {
        return rows.size();
    }

    /** The cell at a data row (0-based, header excluded) and column; null when missing. */
    public String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** The cells of one data row. */
    public List<String> row(int row) {
        return Collections.unmodifiableList(Arrays.asList(rows.get(row)));
    }

    /** The line of the file on which data row {@code row} starts (1-based, as editors count). */
    public int lineNumber(int row) {
        return lineNumbers[row];
    }

    /** "file.csv line 17": where data row {@code row} is, for messages. */
    public String location(int row) {
        return fileName() + " line " + lineNumbers[row];
    }

    public boolean hasColumn(String name) {
        return columnNames.contains(name);
    }

    /**
     * The position of the column called {@code name}.
     *
     * @throws UserInputException if there is no such column; the message suggests the closest name
     */
    public int columnIndex(String name) {
        int index = columnNames.indexOf(name);
        if (index < 0) {
            throw new UserInputException(fileName() + " has no column " + Cells.quoted(name) + " — "
                    + Cells.suggestionFor(name, columnNames));
        }
        return index;
    }

    /** The given data rows, in that order, keeping their line numbers. */
    public RawTable rows(int[] rowIndices) {
        List<String[]> selected = new ArrayList<>(rowIndices.length);
        int[] selectedLines = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            selected.add(rows.get(rowIndices[i]));
            selectedLines[i] = lineNumbers[rowIndices[i]];
        }
        return new RawTable(file, format, columnNames, selected, selectedLines, sha256);
    }
}
