package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.List;

import io.neuralworkbench.engine.UserInputException;

/**
 * An RFC 4180 record reader over decoded text: quoted fields may hold delimiters, newlines and doubled
 * quotes. Unquoted fields are trimmed; empty fields (quoted or not) become {@code null}, meaning missing.
 * Blank lines are skipped. Keeps track of line numbers so that errors can say where they are.
 */
final class CsvParser {
    private final char[] text;
    private final int end;
    private final char delimiter;
    private final char quote;
    private final String fileName;
    /** The text is only the start of a file: a quote still open at its end is not an error. */
    private final boolean sample;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder quotedValue = new StringBuilder();
    private int position;
    private int line = 1;
    private int recordLine;

    CsvParser(char[] text, int start, int end, char delimiter, char quote, String fileName, boolean sample) {
        this.text = text;
        this.position = start;
        this.end = end;
        this.delimiter = delimiter;
        this.quote = quote;
        this.fileName = fileName;
        this.sample = sample;
    }

    /** Reads the next record; false at the end of the text. */
    boolean next() {
        while (position < end) {
            recordLine = line;
            fields.clear();
            if (!readRecord()) {
                return false;
            }
            boolean blankLine = fields.size() == 1 && fields.get(0) == null;
            if (!blankLine) {
                return true;
            }
        }
        return false;
    }

    /** The fields of the record just read. */
    String[] fields() {
        return fields.toArray(new String[0]);
    }

    int fieldCount() {
        return fields.size();
    }

    /** The line on which the record just read starts (1-based). */
    int recordLine() {
        return recordLine;
    }

    private boolean readRecord() {
        while (true) {
            int fieldStart = skipSpaces(position);
            if (quote != CsvFormat.NO_QUOTE && fieldStart < end && text[fieldStart] == quote) {
                if (!readQuotedField(fieldStart + 1)) {
                    return false;
                }
            } else {
                readPlainField();
            }
            if (position >= end) {
                return true;
            }
            char c = text[position];
            if (c == delimiter) {
                position++;
                if (position >= end) {
                    // A delimiter right at the end of the text leaves one more, empty, field.
                    fields.add(null);
                    return true;
                }
            } else {
                consumeLineBreak();
                return true;
            }
        }
    }

    private void readPlainField() {
        int start = position;
        int i = position;
        while (i < end) {
            char c = text[i];
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        position = i;
        int from = start;
        int to = i;
        while (from < to && Character.isWhitespace(text[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(text[to - 1])) {
            to--;
        }
        fields.add(from == to ? null : new String(text, from, to - from));
    }

    /** Reads from just after an opening quote; false if the text ends inside the quotes of a sample. */
    private boolean readQuotedField(int contentStart) {
        int openingLine = line;
        quotedValue.setLength(0);
        int i = contentStart;
        while (true) {
            if (i >= end) {
                if (sample) {
                    position = end;
                    return false;
                }
                throw new UserInputException(fileName + " line " + openingLine + ": the quote opened in field "
                        + (fields.size() + 1) + " is never closed — close it, and write a quote inside a quoted"
                        + " value as two quotes (\"\")");
            }
            char c = text[i];
            if (c == quote) {
                if (i + 1 < end && text[i + 1] == quote) {
                    quotedValue.append(quote);
                    i += 2;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && (i + 1 >= end || text[i + 1] != '\n'))) {
                line++;
            }
            quotedValue.append(c);
            i++;
        }
        position = skipSpaces(i + 1);
        if (position < end && text[position] != delimiter && text[position] != '\n' && text[position] != '\r') {
            throw new UserInputException(fileName + " line " + line + ": text follows the closing quote of field "
                    + (fields.size() + 1) + " — quote the whole value and write a quote inside it as two"
                    + " quotes (\"\")");
        }
        fields.add(quotedValue.length() == 0 ? null : quotedValue.toString());
        return true;
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < end && text[i] == ' ') {
            i++;
        }
        return i;
    }

    private void consumeLineBreak() {
        if (text[position] == '\r' && position + 1 < end && text[position + 1] == '\n') {
            position++;
        }
        position++;
        line++;
    }
}
