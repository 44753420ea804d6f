package io.kmon.metrics;

import static io.kmon.metrics.SafeValues.MAX_DEPTH;
import static io.kmon.metrics.SafeValues.MAX_ENTRIES;
import static io.kmon.metrics.SafeValues.MAX_STRING_BYTES;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recursive conversion behind {@link SafeValues#value} and {@link SafeValues#details}, apart
 * from the string bounding: nested maps, collections and arrays cut in size and depth, cycles cut.
 */
final class ValueConverter {
    private static final Set<Class<?>> NUMBERS =
            Set.of(Integer.class, Long.class, Short.class, Byte.class, BigInteger.class, BigDecimal.class);

    private ValueConverter() {}

    /** {@code value} converted, {@code depth} levels down; {@code path} holds the containers above it. */
    static Object convert(Object value, int depth, IdentityHashMap<Object, Boolean> path) {
        try {
            if (value == null || value instanceof Boolean || NUMBERS.contains(value.getClass())) {
                return value;
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? value : String.valueOf(d);
            }
            if (value instanceof CharSequence
                    || value instanceof Character
                    || value instanceof Enum<?>
                    || value.getClass().getName().startsWith("java.time.")) {
                return SafeValues.text(value.toString(), MAX_STRING_BYTES); // java.time's toString is ISO-8601
            }
            if (value instanceof Throwable t) {
                return SafeValues.describe(t);
            }
            if (value instanceof Optional<?> o) {
                return convert(o.orElse(null), depth, path);
            }
            boolean container = value instanceof Map<?, ?>
                    || value instanceof Collection<?>
                    || value.getClass().isArray();
            if (!container) {
                return SafeValues.text(String.valueOf(value), MAX_STRING_BYTES);
            }
            if (path.containsKey(value)) {
                return "(cycle)";
            }
            if (depth >= MAX_DEPTH) {
                return "(too deep)";
            }
            path.put(value, Boolean.TRUE);
            try {
                return value instanceof Map<?, ?> m ? map(m, depth, path) : list(value, depth, path);
            } finally {
                path.remove(value);
            }
        } catch (Throwable e) {
            // toString, getMessage or iteration threw (even a StackOverflowError): say so instead
            return "(unreadable: " + e.getClass().getName() + ")";
        }
    }

    private static Map<String, Object> map(Map<?, ?> m, int depth, IdentityHashMap<Object, Boolean> path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (out.size() == MAX_ENTRIES) {
                out.put(SafeValues.CUT, "(more)");
                break;
            }
            Object key = convert(e.getKey(), MAX_DEPTH, path);
            out.put(String.valueOf(key), convert(e.getValue(), depth + 1, path));
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Object> list(Object value, int depth, IdentityHashMap<Object, Boolean> path) {
        List<Object> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object item : c) {
                if (out.size() == MAX_ENTRIES) {
                    out.add("(more)");
                    break;
                }
                out.add(convert(item, depth + 1, path));
            }
        } else {
            int n = Array.getLength(value);
            for (int i = 0; i < Math.min(n, MAX_ENTRIES); i++) {
                out.add(convert(Array.get(value, i), depth + 1, path));
            }
            if (n > MAX_ENTRIES) {
                out.add("(more)");
            }
        }
        return Collections.unmodifiableList(out);
    }
}
