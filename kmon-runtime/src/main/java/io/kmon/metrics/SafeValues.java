package io.kmon.metrics;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what a user hands kmon (health and alert details, exception messages, tag values) into
 * bounded, serialisable values at the moment it enters, so that no reader (JSON, Prometheus,
 * the log) can later be broken by it.
 *
 * <p>The conversion: {@code null}, booleans and the JDK's numbers ({@code Integer}, {@code Long},
 * {@code Short}, {@code Byte}, {@code BigInteger}, {@code BigDecimal} and finite
 * {@code Double}/{@code Float}) stay as they are; a {@code java.time} value becomes its ISO-8601
 * text; an {@code Optional} becomes its content or null; a map becomes a map with string keys,
 * a collection or array a list (at most {@value #MAX_ENTRIES} entries, {@value #MAX_DEPTH} levels
 * deep, a cycle cut as {@code "(cycle)"}); a throwable becomes {@code Class: message}; anything
 * else becomes {@link String#valueOf} of it. Every string is cut to {@value #MAX_STRING_BYTES}
 * UTF-8 bytes, lone surrogates replaced by U+FFFD. Nothing here throws out: a value whose
 * {@code toString} (or {@code getMessage}, or iteration) fails becomes a short text saying so.
 */
public final class SafeValues {
    /** Longest string kept in a detail value or an error message, in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 1024;
    /** Longest tag value, in UTF-8 bytes. */
    public static final int MAX_TAG_BYTES = 1024;
    /** Most lines of a kept stack trace. */
    public static final int MAX_STACK_LINES = 50;
    /** Longest line of a kept stack trace, in UTF-8 bytes. */
    public static final int MAX_STACK_LINE_BYTES = 512;
    /** Most entries kept of one map, collection or array. */
    public static final int MAX_ENTRIES = 64;
    /** Deepest nesting of maps and lists kept. */
    public static final int MAX_DEPTH = 4;

    /** What ends a cut string, and the key that stands for a cut map's remaining entries. */
    static final String CUT = "...";

    private SafeValues() {}

    /**
     * An unmodifiable, insertion-ordered copy of {@code details} with every key and value
     * converted; empty for null.
     *
     * @param details the user's details; may be null
     * @return the converted copy
     * @throws NullPointerException when a key is null
     */
    public static Map<String, Object> details(Map<String, ?> details) {
        if (details == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        IdentityHashMap<Object, Boolean> path = new IdentityHashMap<>();
        path.put(details, Boolean.TRUE);
        boolean nullKey = false;
        try {
            for (Map.Entry<String, ?> e : details.entrySet()) {
                if (copy.size() == MAX_ENTRIES) {
                    copy.put(CUT, "(more)");
                    break;
                }
                String key = e.getKey();
                if (key == null) {
                    nullKey = true;
                    break;
                }
                copy.put(text(key, MAX_STRING_BYTES), ValueConverter.convert(e.getValue(), 1, path));
            }
        } catch (Throwable e) { // a map whose iteration fails: keep what was read
            copy.put("(unreadable)", describe(e));
        }
        if (nullKey) {
            throw new NullPointerException("details key"); // a caller's mistake, said where it is made
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * {@return {@code value} converted as described above}
     *
     * @param value a user's value; may be null
     */
    public static Object value(Object value) {
        return ValueConverter.convert(value, 0, new IdentityHashMap<>());
    }

    /**
     * {@return {@code error}'s message, bounded} "" when it has none, a short note when reading it
     * fails.
     *
     * @param error the failure
     */
    public static String message(Throwable error) {
        try {
            String message = error.getMessage();
            return message == null ? "" : text(message, MAX_STRING_BYTES);
        } catch (Throwable e) {
            return "(getMessage threw " + e.getClass().getName() + ")";
        }
    }

    /**
     * {@return {@code ClassName: message} (or the class alone)} Bounded, never throwing.
     *
     * @param error the failure; may be null
     */
    public static String describe(Throwable error) {
        if (error == null) {
            return "null";
        }
        String message = message(error);
        return message.isEmpty() ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }

    /**
     * A bounded stack trace of {@code error} in the JDK's layout: the first line, {@code at}
     * frames, and {@code Caused by:} lines (causes cycles cut), at most {@value #MAX_STACK_LINES}
     * lines of at most {@value #MAX_STACK_LINE_BYTES} bytes each, every line {@link #oneLine}.
     * Built from {@link Throwable#getStackTrace()}, never from {@code printStackTrace}, so a
     * huge or throwing message costs one bounded line.
     *
     * @param error the failure
     * @return the stack trace, lines separated by {@code \n}
     */
    public static String stackTrace(Throwable error) {
        return StackTraces.bounded(error);
    }

    /**
     * A tag value as kmon keeps it: lone surrogates replaced, at most {@value #MAX_TAG_BYTES}
     * UTF-8 bytes. A longer value is cut and ends in {@code ~} and the hex hash of the whole, so
     * long values that differ only past the cut still name different series.
     *
     * @param value the user's tag value
     * @return the value kmon keeps
     */
    public static String tagValue(String value) {
        String safe = text(value, MAX_TAG_BYTES);
        if (safe == value || Utf8.length(value, MAX_TAG_BYTES + 1) <= MAX_TAG_BYTES) {
            return safe; // fits: at most its lone surrogates were replaced
        }
        String hash =
                String.format("~%08x", Utf8.prefix(value, Integer.MAX_VALUE).hashCode());
        return Utf8.prefix(value, MAX_TAG_BYTES - hash.length()) + hash;
    }

    /**
     * {@code s} with lone surrogates replaced by U+FFFD and cut to at most {@code maxBytes}
     * UTF-8 bytes (ending in "..." when cut, never inside a surrogate pair). Returns {@code s}
     * itself when it needs neither, which is the common case and allocates nothing.
     *
     * @param s the text; may be null
     * @param maxBytes the most UTF-8 bytes to keep
     * @return the safe text
     */
    public static String text(String s, int maxBytes) {
        if (s == null) {
            return null;
        }
        int bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (!pair) {
                    return Utf8.rebuild(s, maxBytes, CUT);
                }
                bytes += 4;
                i++;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            if (bytes > maxBytes) {
                return Utf8.rebuild(s, maxBytes, CUT);
            }
        }
        return s;
    }

    /**
     * {@code s} on one line, for a log: CR, LF and other control characters but tab written as
     * {@code \n}, {@code \r}, {@code \\uXXXX}, so a value cannot start a forged log line.
     *
     * @param s the text; may be null
     * @return the text on one line
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (control && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (control) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
