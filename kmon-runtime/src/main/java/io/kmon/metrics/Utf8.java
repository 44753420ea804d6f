package io.kmon.metrics;

/** UTF-8 lengths and prefixes of strings whose lone surrogates count as U+FFFD, for {@link SafeValues}. */
final class Utf8 {
    private Utf8() {}

    /** {@code s} with lone surrogates replaced, cut to {@code maxBytes} with {@code cut} at its end when too long. */
    static String rebuild(String s, int maxBytes, String cut) {
        boolean tooLong = length(s, maxBytes + 1) > maxBytes;
        return tooLong ? prefix(s, maxBytes - cut.length()) + cut : prefix(s, maxBytes);
    }

    /** The longest prefix of {@code s}, lone surrogates replaced, of at most {@code budget} UTF-8 bytes. */
    static String prefix(String s, int budget) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), budget));
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = codePoint(s, i);
            int size = size(cp);
            if (bytes + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The code point at {@code i}; U+FFFD for a lone surrogate (not encodable, and it would make two strings print alike). */
    private static int codePoint(String s, int i) {
        int cp = s.codePointAt(i);
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp;
    }

    private static int size(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** The UTF-8 length of {@code s} with lone surrogates replaced, counting no further than {@code limit}. */
    static int length(String s, int limit) {
        int bytes = 0;
        for (int i = 0; i < s.length() && bytes < limit; ) {
            int cp = codePoint(s, i);
            bytes += size(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }
}
