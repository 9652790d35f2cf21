package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.neuralworkbench.engine.UserInputException;

/**
 * How a delimited text file is written: the field delimiter, the quote character ({@link #NO_QUOTE} when
 * quotes are ordinary text) and whether the first record names the columns.
 */
public record CsvFormat(char delimiter, char quote, boolean hasHeader) {
    /** The {@link #quote} of files in which quote characters have no special meaning. */
    public static final char NO_QUOTE = '\0';

    /** The delimiters {@link #detect} tries, in order of preference when several fit equally well. */
    private static final char[] CANDIDATE_DELIMITERS = {',', '\t', ';', '|'};
    /** Records of the sample that detection looks at; enough to see a pattern, few enough to stay instant. */
    private static final int SAMPLE_RECORDS = 1000;

    public static final CsvFormat COMMA_WITH_HEADER = new CsvFormat(',', '"', true);

    /** @throws UserInputException if the delimiter is a line break or the same as the quote */
    public CsvFormat {
        if (delimiter == '\n' || delimiter == '\r' || delimiter == quote) {
            throw new UserInputException("the delimiter cannot be a line break or the quote character — choose"
                    + " comma, semicolon, tab or |");
        }
    }

    public boolean quoting() {
        return quote != NO_QUOTE;
    }

    /** The delimiter as users name it: {@code ,}, {@code ;}, {@code |} or {@code tab}. */
    public String delimiterName() {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    /**
     * Guesses the format from the start of a file (at least a few lines; a cut-off last record is fine).
     * Each candidate delimiter, with double quotes as quoting and then with quotes as plain text, splits
     * the sampled records; the winner gives most records the same number of fields (more than one), then
     * the most fields; ties go to quoting and to the earlier delimiter in {@code , tab ; |}. Quotes lose
     * when they break the records, as in free text where a message merely starts with a quotation. The
     * first record is a header when its cells are non-empty, not numbers, and none appears again in its
     * column.
     */
    public static CsvFormat detect(String sample) {
        char[] text = sample.toCharArray();
        // When no delimiter splits the records (a single column), the header is judged on comma records.
        List<String[]> bestRecords = sampleRecords(text, ',', '"');
        CsvFormat best = COMMA_WITH_HEADER;
        double bestShare = 0;
        int bestWidth = 1;
        for (char quote : new char[] {'"', NO_QUOTE}) {
            for (char delimiter : CANDIDATE_DELIMITERS) {
                List<String[]> records = sampleRecords(text, delimiter, quote);
                if (records == null) {
                    continue;
                }
                int width = modalWidth(records);
                double share = (double) records.stream().filter(r -> r.length == width).count() / records.size();
                if (width > 1 && (share > bestShare || (share == bestShare && width > bestWidth))) {
                    bestRecords = records;
                    best = new CsvFormat(delimiter, quote, true);
                    bestShare = share;
                    bestWidth = width;
                }
            }
        }
        boolean header = bestRecords == null || looksLikeHeader(bestRecords);
        return new CsvFormat(best.delimiter(), best.quote(), header);
    }

    /** The complete records at the start of the sample, or null if the sample does not parse this way. */
    private static List<String[]> sampleRecords(char[] text, char delimiter, char quote) {
        CsvParser parser = new CsvParser(text, 0, text.length, delimiter, quote, "sample", true);
        List<String[]> records = new ArrayList<>();
        try {
            while (records.size() < SAMPLE_RECORDS && parser.next()) {
                records.add(parser.fields());
            }
        } catch (UserInputException notThisFormat) {
            return null;
        }
        // A sample cut in the middle of its last line would report that record with too few fields.
        boolean lastMayBeCut = records.size() < SAMPLE_RECORDS && text.length > 0
                && text[text.length - 1] != '\n' && text[text.length - 1] != '\r';
        if (lastMayBeCut && records.size() > 1) {
            records.remove(records.size() - 1);
        }
        return records.isEmpty() ? null : records;
    }

    /** The most common number of fields per record. */
    private static int modalWidth(List<String[]> records) {
        Map<Integer, Integer> widths = new HashMap<>();
        records.forEach(r -> widths.merge(r.length, 1, Integer::sum));
        return Collections.max(widths.entrySet(), Map.Entry.comparingByValue()).getKey();
    }

    private static boolean looksLikeHeader(List<String[]> records) {
        String[] first = records.get(0);
        for (int column = 0; column < first.length; column++) {
            String name = first[column];
            if (name == null || Cells.isNumber(name)) {
                return false;
            }
            for (int row = 1; row < records.size(); row++) {
                String[] record = records.get(row);
                if (column < record.length && name.equals(record[column])) {
                    return false;
                }
            }
        }
        return true;
    }
}
