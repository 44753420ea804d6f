package io.kmon.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable copies of the {@code details} maps that alerts and health results carry. Unlike
 * {@link Map#copyOf} they keep the caller's order (so JSON reads as written) and accept null
 * values; keys must not be null, since every serialized form needs a name.
 */
public final class Details {
    private Details() {}

    /**
     * An unmodifiable, insertion-ordered copy of {@code details}; empty for null.
     *
     * @throws NullPointerException when a key is null
     */
    public static Map<String, Object> copy(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "details key"), value));
        return Collections.unmodifiableMap(copy);
    }
}
