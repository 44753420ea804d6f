package io.kmon.processor.codegen;

/**
 * Makes a user's string safe to show in generated javadoc. The text is plain HTML, so every
 * character that could end the comment ({@code *}), start a unicode escape ({@code \}), a tag
 * ({@code @}, <code>{</code>) or markup ({@code <}, {@code &}), or break the line becomes an
 * HTML character reference: javadoc shows the string as written, and javac sees only text.
 */
final class JavadocText {
    private JavadocText() {}

    /** {@code text} with every character that is not plainly inert written as {@code &#N;}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isInert(c)) {
                out.appendCodePoint(c);
            } else {
                out.append("&#").append(c).append(';');
            }
        });
        return out.toString();
    }

    private static boolean isInert(int c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        return c == ' ' || c == '.' || c == '_' || c == '-' || c == ',' || c == ':' || c == '(' || c == ')';
    }
}
