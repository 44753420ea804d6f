package io.kmon.metrics;

import io.kmon.annotations.MetricNaming;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The identity of one series: a metric name plus its tags, sorted by key.
 *
 * <p>Names and tag keys are dotted words ({@code api.calls}, {@code error.type}); the Prometheus
 * exporter translates dots to underscores, as OpenTelemetry's does, so two keys of one id may
 * not differ only there ({@code error.type} and {@code error_type}). Names and
 * tag keys are validated here, once, at registration, so every exporter can write them as
 * they are. Tag values are normalised first ({@link SafeValues#tagValue}: lone surrogates
 * replaced, at most {@value SafeValues#MAX_TAG_BYTES} UTF-8 bytes), so two values that would
 * export alike are one series. Identity is the name plus the tag pairs: {@link #toString()}
 * escapes the separators inside values, so no value can pose as another tag.
 */
public final class MeterId implements Comparable<MeterId> {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");
    /** Longest metric name or tag key, in characters (all ASCII). */
    public static final int MAX_NAME_LENGTH = 256;
    /** Tag keys may be dotted, as OpenTelemetry's are ({@code error.type}); Prometheus reads the dots as underscores. */
    private static final Pattern TAG_KEY = NAME;
    /** Tag keys Prometheus uses itself; refused here, once, rather than dropping a family at each scrape. */
    private static final Set<String> RESERVED_TAG_KEYS = Set.of("quantile", "le");

    private final String name;
    private final SortedMap<String, String> tags;
    private final String key;

    private MeterId(String name, SortedMap<String, String> tags) {
        this.name = name;
        this.tags = Collections.unmodifiableSortedMap(tags);
        this.key = key(name, tags);
    }

    /**
     * {@code name{k1=v1, k2=v2}} with {@code \}, {@code ,}, {@code =}, <code>{</code> and
     * <code>}</code> in values escaped by a backslash: keys are identifiers, so the text is
     * one-to-one with the name and the tag pairs, and is safe as a JSON key or a map key.
     */
    private static String key(String name, SortedMap<String, String> tags) {
        if (tags.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name).append('{');
        tags.forEach((k, v) -> {
            if (out.charAt(out.length() - 1) != '{') {
                out.append(", ");
            }
            out.append(k).append('=');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\\' || c == ',' || c == '=' || c == '{' || c == '}') {
                    out.append('\\');
                }
                out.append(c);
            }
        });
        return out.append('}').toString();
    }

    /**
     * An id from a name and alternating tag keys and values: {@code of("api.calls", "method", "get")}.
     *
     * @param name the dotted metric name
     * @param tags tag keys and values, alternating
     * @return the id
     * @throws IllegalArgumentException naming the bad value when the name or a tag key cannot be
     *     exported (including the reserved keys {@code quantile} and {@code le}), a key repeats, or
     *     the pairs are uneven
     * @throws NullPointerException when the name, a key or a value is null
     */
    public static MeterId of(String name, String... tags) {
        Objects.requireNonNull(tags, "tags");
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags must be key/value pairs, got an odd count: " + tags.length);
        }
        SortedMap<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            put(sorted, tags[i], tags[i + 1]);
        }
        return new MeterId(checkName(name), sorted);
    }

    /**
     * An id from a name and a map of tags.
     *
     * @param name the dotted metric name
     * @param tags the tags by key
     * @return the id
     */
    public static MeterId of(String name, Map<String, String> tags) {
        Objects.requireNonNull(tags, "tags");
        SortedMap<String, String> sorted = new TreeMap<>();
        tags.forEach((k, v) -> put(sorted, k, v));
        return new MeterId(checkName(name), sorted);
    }

    /**
     * {@return this id with one more tag (or that tag replaced)}
     *
     * @param key the tag's key
     * @param value the tag's value
     */
    public MeterId withTag(String key, String value) {
        SortedMap<String, String> copy = new TreeMap<>(tags);
        copy.remove(key);
        put(copy, key, value);
        return new MeterId(name, copy);
    }

    private static void put(SortedMap<String, String> tags, String key, String value) {
        Objects.requireNonNull(key, "tag key");
        Objects.requireNonNull(value, () -> "value of tag " + key);
        value = SafeValues.tagValue(value); // normalised before identity is taken
        if (key.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "tag key of " + key.length() + " characters; at most " + MAX_NAME_LENGTH);
        }
        if (!TAG_KEY.matcher(key).matches() || key.startsWith("__")) {
            throw new IllegalArgumentException("invalid tag key '" + key
                    + "': use dot-separated words of letters, digits and '_', not starting " + "with a digit or '__'");
        }
        if (RESERVED_TAG_KEYS.contains(key)) {
            throw new IllegalArgumentException("tag key '" + key + "' is reserved: Prometheus gives it to summary "
                    + "quantiles and histogram buckets, and would refuse the whole metric family");
        }
        if (tags.put(key, value) != null) {
            throw new IllegalArgumentException("tag key '" + key + "' given twice");
        }
        String exported = MetricNaming.labelName(key);
        for (String other : tags.keySet()) {
            if (!other.equals(key) && MetricNaming.labelName(other).equals(exported)) {
                throw new IllegalArgumentException("tag keys '" + other + "' and '" + key
                        + "' would both be the Prometheus label '" + exported + "'");
            }
        }
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "metric name of " + name.length() + " characters; at most " + MAX_NAME_LENGTH);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name '" + name
                    + "': use dot-separated words of letters, digits and '_', not starting with a digit");
        }
        return name;
    }

    /** {@return the dotted metric name} */
    public String name() {
        return name;
    }

    /** {@return the tags, sorted by key, unmodifiable} */
    public SortedMap<String, String> tags() {
        return tags;
    }

    /**
     * {@return the tag's value, or null}
     *
     * @param key the tag's key
     */
    public String tag(String key) {
        return tags.get(key);
    }

    @Override
    public int compareTo(MeterId other) {
        return key.compareTo(other.key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeterId other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** {@code name{k1=v1, k2=v2}} (separators in values escaped), or the name alone. */
    @Override
    public String toString() {
        return key;
    }
}
