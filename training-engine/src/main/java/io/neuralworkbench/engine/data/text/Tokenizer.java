package io.neuralworkbench.engine.data.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into lower-case words: a token is a run of letters (any script, so "grüße" stays one word)
 * or a run of digits; everything else separates tokens. "21st" gives "21" and "st", "£1000" gives "1000",
 * "don't" gives "don" and "t".
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** The tokens of {@code text} in order; none for null or for text without letters or digits. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        // Composed form, so that "u" + combining umlaut is the letter ü and not a letter and a separator.
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        int start = -1;
        boolean inDigits = false;
        int i = 0;
        while (i < normalized.length()) {
            int codePoint = normalized.codePointAt(i);
            boolean letter = Character.isLetter(codePoint);
            boolean digit = !letter && Character.isDigit(codePoint);
            if (start >= 0 && (!(letter || digit) || digit != inDigits)) {
                tokens.add(normalized.substring(start, i));
                start = -1;
            }
            if (start < 0 && (letter || digit)) {
                start = i;
                inDigits = digit;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            tokens.add(normalized.substring(start));
        }
        return tokens;
    }
}
