package io.neuralworkbench.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.neuralworkbench.engine.UserInputException;

/**
 * Reads CSV, TSV and similar files (UTF-8, with or without byte order mark) into a {@link RawTable}.
 * The whole file is read into memory at once: simple and fast for the tabular files a workbench trains on
 * (tens of megabytes at most).
 */
public final class CsvImporter {
    /** How far binary files are looked for: they show NUL bytes or broken UTF-8 almost at once. */
    private static final int BINARY_CHECK_BYTES = 8 * 1024;
    /** How much of the file format detection looks at. */
    private static final int FORMAT_SAMPLE_CHARS = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvImporter() {
    }

    /** Reads a file, detecting its delimiter, quoting and header. */
    public static RawTable read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a file in the given format, or detects the format when {@code format} is null.
     *
     * @throws UserInputException if the file is missing, unreadable, empty, binary, not UTF-8, or not
     *                            well-formed (unclosed quote, rows with the wrong number of fields)
     */
    public static RawTable read(Path file, CsvFormat format) {
        String fileName = file.getFileName().toString();
        return read(file, readBytes(file, fileName), format);
    }

    /**
     * Reads the first whole lines of a file, at most {@code maxBytes} of it, detecting the format: a quick preview
     * of a file too large to read while someone waits. The table's {@code sha256} is that of the bytes read.
     *
     * @throws UserInputException as {@link #read(Path, CsvFormat)} does, for the part read
     */
    public static RawTable readHead(Path file, int maxBytes) {
        String fileName = file.getFileName().toString();
        byte[] head = readHeadBytes(file, fileName, maxBytes);
        return read(file, head, null);
    }

    private static RawTable read(Path file, byte[] bytes, CsvFormat format) {
        String fileName = file.getFileName().toString();
        char[] text = decodeUtf8(bytes, fileName);
        int start = text.length > 0 && text[0] == BYTE_ORDER_MARK ? 1 : 0;
        if (isBlank(text, start)) {
            throw emptyFile(fileName);
        }
        String sha256 = sha256Hex(bytes);
        if (format != null) {
            return parse(file, text, start, format, sha256);
        }
        int sampleLength = Math.min(FORMAT_SAMPLE_CHARS, text.length - start);
        CsvFormat detected = CsvFormat.detect(new String(text, start, sampleLength));
        try {
            return parse(file, text, start, detected, sha256);
        } catch (UserInputException quotingError) {
            // Quotes that open a value but do not close it properly (free text quoting someone) beyond the
            // sample mean the file does not use quoting after all; read it again taking quotes literally.
            if (!detected.quoting()) {
                throw quotingError;
            }
            try {
                return parse(file, text, start, new CsvFormat(detected.delimiter(), CsvFormat.NO_QUOTE,
                        detected.hasHeader()), sha256);
            } catch (UserInputException literalQuotesAlsoFail) {
                throw quotingError;
            }
        }
    }

    /** Parses CSV text with a header line as if read from {@code file}, whose bytes it would be in UTF-8. */
    static RawTable fromText(Path file, String text) {
        return parse(file, text.toCharArray(), 0, CsvFormat.COMMA_WITH_HEADER,
                sha256Hex(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static RawTable parse(Path file, char[] text, int start, CsvFormat format, String sha256) {
        String fileName = file.getFileName().toString();
        CsvParser parser = new CsvParser(text, start, text.length, format.delimiter(), format.quote(), fileName,
                false);
        if (!parser.next()) {
            throw emptyFile(fileName);
        }
        String[] first = parser.fields();
        int width = first.length;
        List<String> columnNames = format.hasHeader() ? columnNames(first, fileName, parser.recordLine())
                : generatedColumnNames(width);
        List<String[]> rows = new ArrayList<>();
        int[] lineNumbers = new int[1024];
        if (!format.hasHeader()) {
            rows.add(first);
            lineNumbers[0] = parser.recordLine();
        }
        while (parser.next()) {
            if (parser.fieldCount() != width) {
                throw new UserInputException(fileName + " line " + parser.recordLine() + ": expected " + width
                        + " fields but found " + parser.fieldCount() + " — every row needs one field per column;"
                        + " look for a missing or extra " + format.delimiterName()
                        + " or an unquoted value containing one");
            }
            if (rows.size() == lineNumbers.length) {
                lineNumbers = Arrays.copyOf(lineNumbers, lineNumbers.length * 2);
            }
            lineNumbers[rows.size()] = parser.recordLine();
            rows.add(parser.fields());
        }
        if (rows.isEmpty()) {
            throw new UserInputException(fileName + " has a header line but no data rows — add rows below the"
                    + " header");
        }
        return new RawTable(file, format, columnNames, rows, Arrays.copyOf(lineNumbers, rows.size()), sha256);
    }

    /** Header cells as column names: empty ones get a generated name, duplicates are refused. */
    private static List<String> columnNames(String[] header, String fileName, int line) {
        List<String> names = new ArrayList<>(header.length);
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "column" + (i + 1) : header[i];
            int earlier = names.indexOf(name);
            if (earlier >= 0) {
                throw new UserInputException(fileName + " line " + line + ": the column name " + Cells.quoted(name)
                        + " appears twice (columns " + (earlier + 1) + " and " + (i + 1) + ") — rename one of them");
            }
            names.add(name);
        }
        return names;
    }

    private static UserInputException emptyFile(String fileName) {
        return new UserInputException(fileName + " is empty — choose a file with a header line and data rows");
    }

    private static List<String> generatedColumnNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add("column" + i);
        }
        return names;
    }

    private static byte[] readBytes(Path file, String fileName) {
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + " is a folder, not a file — choose a CSV or TSV file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist — check the path or choose the file again", e);
        } catch (IOException e) {
            throw new UserInputException(fileName + " cannot be read (" + e.getMessage() + ") — check that the"
                    + " file is not locked and that you may read it", e);
        }
    }

    /** Up to {@code maxBytes}, cut after the last line break when the file goes on, so no row is cut in half. */
    private static byte[] readHeadBytes(Path file, String fileName, int maxBytes) {
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + " is a folder, not a file — choose a CSV or TSV file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(maxBytes);
            if (head.length < maxBytes || in.read() < 0) {
                return head;
            }
            int end = head.length;
            while (end > 0 && head[end - 1] != '\n') {
                end--;
            }
            return end == 0 ? head : Arrays.copyOf(head, end);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist — check the path or choose the file again", e);
        } catch (IOException e) {
            throw new UserInputException(fileName + " cannot be read (" + e.getMessage() + ") — check that the"
                    + " file is not locked and that you may read it", e);
        }
    }

    /** Strict UTF-8 decoding, so that binary and wrongly encoded files are refused rather than garbled. */
    private static char[] decodeUtf8(byte[] bytes, String fileName) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_CHECK_BYTES); i++) {
            if (bytes[i] == 0) {
                throw new UserInputException(fileName + " contains binary data (NUL bytes), not CSV text — if it"
                        + " is a spreadsheet or UTF-16 text, save it as \"CSV UTF-8\" and import that file");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String what = offset < BINARY_CHECK_BYTES ? " is not a text file in UTF-8" : " is not valid UTF-8";
            throw new UserInputException(fileName + what + " (byte 0x" + String.format("%02X", bytes[offset])
                    + " on line " + lineOf(bytes, offset) + ") — if it is a spreadsheet, export it as CSV; if it"
                    + " is text in another encoding, save it as UTF-8");
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean isBlank(char[] text, int start) {
        for (int i = start; i < text.length; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
