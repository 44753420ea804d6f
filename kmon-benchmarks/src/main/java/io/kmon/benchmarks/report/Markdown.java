package io.kmon.benchmarks.report;

import java.util.List;
import java.util.Locale;

/** Small helpers for the report's Markdown: numbers and tables. */
final class Markdown {
    private Markdown() {}

    /** {@code value} with {@code decimals} decimals and thousands separators; "n/a" for NaN. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** A table with a header row; cells are escaped for pipes. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        row(b, header);
        b.append('|');
        for (int i = 0; i < header.size(); i++) {
            b.append(" --- |");
        }
        b.append('\n');
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row has " + r.size() + " cells, header " + header.size() + ": " + r);
            }
            row(b, r);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        b.append('\n');
    }
}
