package io.kmon.processor.ops;

import java.util.Map;

/** PromQL text: string literals and label matchers, escaped so any tag value stays one literal. */
final class PromQl {
    private PromQl() {}

    /** {@code value} as a double-quoted PromQL string. */
    static String string(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isSurrogate((char) c)) {
                        b.append('\uFFFD'); // a lone surrogate: the runtime exports it as U+FFFD too
                    } else if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** {@code name{k="v",...}} with exact matchers, in the map's order. */
    static String selector(String name, Map<String, String> labels) {
        StringBuilder b = new StringBuilder(name).append('{');
        String sep = "";
        for (Map.Entry<String, String> e : labels.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(string(e.getValue()));
            sep = ",";
        }
        return b.append('}').toString();
    }

    /** A regular expression matching exactly one of {@code alternatives} (RE2: metacharacters escaped). */
    static String anyOf(Iterable<String> alternatives) {
        StringBuilder b = new StringBuilder();
        String sep = "";
        for (String a : alternatives) {
            b.append(sep);
            a.codePoints().forEach(c -> {
                if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.appendCodePoint(c);
            });
            sep = "|";
        }
        return b.toString();
    }
}
