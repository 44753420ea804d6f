package io.kmon.metrics;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One monitored method at one instant, as one value: its counts and its duration, with the
 * component, prefix and method they belong to. The method's own handle builds it, so no reader
 * has to take a metric name apart, and its counts are the method's own even past the
 * cardinality cap, where its series share the overflow series with other methods.
 *
 * @param component the component's name (tag {@code component})
 * @param prefix the component's metric name prefix
 * @param method the {@code method} tag
 * @param successes calls that returned normally
 * @param errorsByType failed calls by {@code error_type} tag, sorted by type
 * @param duration the method's {@code <prefix>.duration} timer; past the cardinality cap the
 *     overflow timer, shared with the other folded methods ({@link #durationShared()})
 */
public record MethodSnapshot(
        String component,
        String prefix,
        String method,
        long successes,
        SortedMap<String, Long> errorsByType,
        MeterSnapshot.TimerSnapshot duration) {

    /**
     * Copies the error counts.
     *
     * @param component the component's name
     * @param prefix the component's metric name prefix
     * @param method the {@code method} tag
     * @param successes calls that returned normally
     * @param errorsByType failed calls by {@code error_type}
     * @param duration the method's duration timer
     */
    public MethodSnapshot {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(duration, "duration");
        errorsByType = Collections.unmodifiableSortedMap(new TreeMap<>(errorsByType));
    }

    /** {@return failed calls over every error type} */
    public long errors() {
        long sum = 0;
        for (long n : errorsByType.values()) {
            sum += n;
        }
        return sum;
    }

    /** {@return every call, each counted once: successes plus errors} */
    public long calls() {
        return successes + errors();
    }

    /** {@return whether {@link #duration()} is the overflow timer of several methods, not this one's alone} */
    public boolean durationShared() {
        return duration.id().tags().containsKey(MeterRegistry.OVERFLOW_TAG);
    }

    /** {@return {@code errors / calls}, 0 without calls} */
    public double errorRate() {
        long calls = calls();
        return calls == 0 ? 0 : (double) errors() / calls;
    }
}
