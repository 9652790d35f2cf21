package io.neuralworkbench.engine.export;

import java.util.Locale;

/** Escaping and number formatting shared by the model card and its inline SVG pictures. */
final class Html {
    private Html() {
    }

    /** Text safe inside an element and inside a quoted attribute (HTML and SVG alike). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A metric such as an accuracy: four decimals, the way the command line prints it. */
    static String metric(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A value for a chart axis or a table: up to four significant digits, no exponent for ordinary sizes. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** A coordinate in an SVG: one decimal is finer than a screen pixel. */
    static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** 12 345 678 → "12,345,678". */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
