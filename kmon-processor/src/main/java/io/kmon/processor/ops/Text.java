package io.kmon.processor.ops;

/** Quoted scalars of the two formats written here: YAML double-quoted and JSON strings. */
final class Text {
    private Text() {}

    /** {@code value} as a YAML double-quoted scalar: any text, one line. */
    static String yaml(String value) {
        return quoted(value, true);
    }

    /** {@code value} as a JSON string. */
    static String json(String value) {
        return quoted(value, false);
    }

    private static String quoted(String value, boolean yaml) {
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
                        b.append('\uFFFD'); // a lone surrogate: the runtime writes U+FFFD for it too
                    } else if (c < 0x20
                            || c == 0x7f
                            || (yaml && (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff))) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}
