package io.kmon.example.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The arguments of one tool call, as the MCP client sent them (decoded JSON), with typed
 * accessors that validate as they read. Every failure is an {@link InvalidArgumentException}
 * whose message names the tool, the argument, what was expected and what came:
 *
 * <pre>{@code
 * search_media: 'limit' must be an integer from 1 to 50 (got "ten")
 * }</pre>
 *
 * <p>The tools validate here rather than leaving it to the SDK's schema check so that a bad
 * argument happens inside the monitored call and is counted like any other failed call.
 */
public final class ToolArguments {
    private static final int MAX_SHOWN = 40;

    private final String tool;
    private final Map<String, Object> values;

    private ToolArguments(String tool, Map<String, Object> values) {
        this.tool = tool;
        this.values = values;
    }

    /** The arguments {@code values} (null for none) of a call to {@code tool}. */
    public static ToolArguments of(String tool, Map<String, Object> values) {
        Objects.requireNonNull(tool, "tool");
        // LinkedHashMap, not Map.copyOf: JSON may carry null values, which copyOf rejects.
        return new ToolArguments(
                tool, values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** The tool these arguments are for. */
    public String tool() {
        return tool;
    }

    /** The raw values, unmodifiable. */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * Rejects any argument not in {@code allowed}: a misspelt optional argument would
     * otherwise be ignored without a word.
     */
    public void allowOnly(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw invalid("unknown argument '" + name + "'; expected "
                        + (known.isEmpty() ? "no arguments" : "one of: " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    /** Whether {@code name} was given (with a non-null value). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The non-blank string {@code name}, at most {@code maxLength} characters. */
    public String requiredString(String name, int maxLength) {
        if (!has(name)) {
            throw invalid("'" + name + "' is required");
        }
        return optionalString(name, maxLength);
    }

    /** The string {@code name} if given (non-blank, at most {@code maxLength} characters), else null. */
    public String optionalString(String name, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw invalid("'" + name + "' must be a string (got " + shown(value) + ")");
        }
        if (s.isBlank()) {
            throw invalid("'" + name + "' must not be blank");
        }
        if (s.length() > maxLength) {
            throw invalid("'" + name + "' must be at most " + maxLength + " characters (got " + s.length() + ")");
        }
        return s;
    }

    /** The string {@code name}, which must match {@code pattern}; {@code shape} says what that means to a person. */
    public String requiredMatching(String name, Pattern pattern, String shape) {
        String value = requiredString(name, 200);
        if (!pattern.matcher(value).matches()) {
            throw invalid("'" + name + "' must be " + shape + " (got " + shown(value) + ")");
        }
        return value;
    }

    /** The integer {@code name} in {@code [min, max]}, or {@code defaultValue} when absent. */
    public int optionalInt(String name, int defaultValue, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        String expected =
                "'" + name + "' must be an integer from " + min + " to " + max + " (got " + shown(value) + ")";
        if (!(value instanceof Number number)) {
            throw invalid(expected);
        }
        double d = number.doubleValue();
        // JSON has one number type: 5.0 is the integer 5, 5.5 is not an integer at all.
        if (d != Math.rint(d) || d < min || d > max) {
            throw invalid(expected);
        }
        return (int) d;
    }

    /** The string {@code name}, one of {@code choices}, or {@code defaultValue} when absent. */
    public String optionalChoice(String name, String defaultValue, List<String> choices) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String s) || !choices.contains(s)) {
            throw invalid(
                    "'" + name + "' must be one of " + String.join(", ", choices) + " (got " + shown(value) + ")");
        }
        return s;
    }

    /**
     * The list of strings {@code name} (at most {@code maxItems}, each non-blank and at most
     * {@code maxLength} characters), or null when absent.
     */
    public List<String> optionalStringList(String name, int maxItems, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("'" + name + "' must be an array of strings (got " + shown(value) + ")");
        }
        if (list.size() > maxItems) {
            throw invalid("'" + name + "' must have at most " + maxItems + " items (got " + list.size() + ")");
        }
        List<String> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof String s) || s.isBlank() || s.length() > maxLength) {
                throw invalid("'" + name + "[" + i + "]' must be a non-blank string of at most " + maxLength
                        + " characters (got " + shown(item) + ")");
            }
            result.add(s);
        }
        return List.copyOf(result);
    }

    /** An {@link InvalidArgumentException} for this tool with {@code problem}. */
    public InvalidArgumentException invalid(String problem) {
        return new InvalidArgumentException(tool + ": " + problem);
    }

    private static String shown(Object value) {
        String text = value instanceof String s ? '"' + s + '"' : String.valueOf(value);
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
