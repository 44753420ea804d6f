package io.kmon.metrics;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/** The bounded stack traces of {@link SafeValues#stackTrace}. */
final class StackTraces {
    private StackTraces() {}

    static String bounded(Throwable error) {
        List<String> lines = new ArrayList<>();
        IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
        String prefix = "";
        StackTraceElement[] enclosing = new StackTraceElement[0];
        try {
            for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
                if (!line(lines, prefix + SafeValues.describe(t))) {
                    break;
                }
                StackTraceElement[] frames = t.getStackTrace();
                int common = 0; // frames shared with the enclosing trace, shown as "... n more" like the JDK
                while (common < frames.length
                        && common < enclosing.length
                        && frames[frames.length - 1 - common].equals(enclosing[enclosing.length - 1 - common])) {
                    common++;
                }
                boolean full = false;
                for (int i = 0; i < frames.length - common && !full; i++) {
                    full = !line(lines, "\tat " + frames[i]);
                }
                if (full || (common > 0 && !line(lines, "\t... " + common + " more"))) {
                    break;
                }
                enclosing = frames;
                prefix = "Caused by: ";
            }
        } catch (Throwable e) { // getCause or getStackTrace threw: keep what was read
            line(lines, "(stack trace unavailable: " + e.getClass().getName() + ")");
        }
        return String.join("\n", lines);
    }

    /** Adds a bounded line; false (after adding a truncation mark) once the trace is full. */
    private static boolean line(List<String> lines, String line) {
        if (lines.size() == SafeValues.MAX_STACK_LINES - 1) {
            lines.add("\t... (truncated)");
            return false;
        }
        if (lines.size() < SafeValues.MAX_STACK_LINES) {
            lines.add(SafeValues.oneLine(SafeValues.text(line, SafeValues.MAX_STACK_LINE_BYTES)));
        }
        return lines.size() < SafeValues.MAX_STACK_LINES;
    }
}
