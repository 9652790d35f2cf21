package io.neuralworkbench.engine.data;

import java.util.Collection;
import java.util.Locale;

import io.neuralworkbench.engine.UserInputException;

/** Reading single cell values and naming things in user messages; shared by import, profiling and encoding. */
final class Cells {
    /** How many differences a misspelt column name may have and still be suggested. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;
    /** Plain decimals with fewer digits than this stay below Double.MAX_VALUE (about 1.8e308). */
    private static final int MAX_DOUBLE_DIGITS = 309;

    private Cells() {
    }

    /**
     * True for plain decimal numbers such as {@code -1}, {@code 3.5}, {@code .5} or {@code 1e-3}. Stricter than
     * {@link Double#parseDouble}, which would also accept {@code NaN}, {@code Infinity}, hex and a trailing
     * {@code d} or {@code f} — text that in a CSV file is a label, not a number — and refuses numbers too large
     * for a double.
     */
    static boolean isNumber(String value) {
        int n = value.length();
        int i = skipSign(value, 0);
        int integerEnd = skipDigits(value, i);
        int digits = integerEnd - i;
        i = integerEnd;
        if (i < n && value.charAt(i) == '.') {
            int fractionEnd = skipDigits(value, i + 1);
            digits += fractionEnd - (i + 1);
            i = fractionEnd;
        }
        if (digits == 0) {
            return false;
        }
        boolean exponent = i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E');
        if (exponent) {
            int exponentStart = skipSign(value, i + 1);
            i = skipDigits(value, exponentStart);
            if (i == exponentStart) {
                return false;
            }
        }
        // Only an exponent or hundreds of digits can overflow a double (1e400); check those by parsing.
        return i == n && (!exponent && digits < MAX_DOUBLE_DIGITS || Double.isFinite(Double.parseDouble(value)));
    }

    private static int skipSign(String value, int from) {
        return from < value.length() && (value.charAt(from) == '+' || value.charAt(from) == '-') ? from + 1 : from;
    }

    private static int skipDigits(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** True for {@code true} or {@code false} in any letter case ({@code True}, {@code FALSE}, ...). */
    static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    /** "name" in double quotes, as column names and values appear in messages. */
    static String quoted(String text) {
        return '"' + text + '"';
    }

    /**
     * The message tail for a name that is not among {@code known}: the closest known name if one is near,
     * then the list to choose from.
     */
    static String suggestionFor(String name, Collection<String> known) {
        String closest = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                closest = candidate;
            }
        }
        String list = String.join(", ", known);
        if (closest != null && bestDistance <= Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, name.length() / 2))) {
            return "did you mean " + quoted(closest) + "? Columns: " + list;
        }
        return "choose one of: " + list;
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * A value that does not fit its column's type, e.g. {@code titanic.csv line 5, column "age": "abc" is not
     * a number — correct the value or leave it empty to mark it missing}.
     *
     * @param where the file and line, or what the value came from
     * @param otherRemedy what else the user can do, appended after the usual remedies; may be empty
     */
    static UserInputException notA(String expected, String where, String column, String value,
                                   String otherRemedy) {
        return new UserInputException(where + ", column " + quoted(column) + ": " + quoted(value) + " is not "
                + expected + " — correct the value or leave it empty to mark it missing" + otherRemedy);
    }
}
