package io.kmon.http;

/** Making client-supplied text safe to echo in an error message: short and printable. */
final class Text {
    private static final int MAX_ECHO = 80;

    private Text() {}

    /** {@code s} cut to {@value #MAX_ECHO} characters with anything outside printable ASCII replaced by '?'. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_ECHO + 1));
        for (int i = 0; i < s.length() && i < MAX_ECHO; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (s.length() > MAX_ECHO) {
            out.append('…');
        }
        return out.toString();
    }
}
