package io.kmon.internal;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MethodSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One monitored component: the methods of a {@code @Monitored} interface (or several, if they
 * share a name). Not API: {@code Kmon.component} makes it for generated code, which asks it
 * for one {@link MethodMonitor} per method at wrap time.
 */
public final class ComponentMonitor {
    private final CallSink sink;
    private final MeterRegistry metrics;
    private final String name;
    private final String prefix;
    private final ConcurrentHashMap<String, MethodMonitor> methods = new ConcurrentHashMap<>();

    ComponentMonitor(CallSink sink, MeterRegistry metrics, String name, String prefix) {
        this.sink = sink;
        this.metrics = metrics;
        this.name = name;
        this.prefix = prefix;
    }

    /**
     * The handle for one method; the same handle for the same tag, so two proxies of one
     * interface count together (the first one's alert settings win).
     *
     * @param method the {@code method} tag
     * @param slowNanos calls longer than this raise an alert; 0 for none
     * @param slowLevel the level of that alert
     * @param alertOn failures of these types (or subtypes) raise an ERROR alert
     * @return the handle
     */
    public MethodMonitor method(String method, long slowNanos, AlertLevel slowLevel, Class<?>... alertOn) {
        Objects.requireNonNull(alertOn, "alertOn");
        Objects.requireNonNull(method, "method");
        return methods.computeIfAbsent(
                method, m -> new MethodMonitor(sink, metrics, this, m, slowNanos, slowLevel, Arrays.asList(alertOn)));
    }

    /** {@return the component name (tag {@code component})} */
    public String name() {
        return name;
    }

    /** {@return the metric name prefix} */
    public String prefix() {
        return prefix;
    }

    /** {@return the calls so far over all methods, each counted once} */
    public long calls() {
        return methods.values().stream()
                .mapToLong(m -> m.successes() + m.errors())
                .sum();
    }

    /** {@return the failed calls so far over all methods} */
    public long errors() {
        return methods.values().stream().mapToLong(MethodMonitor::errors).sum();
    }

    /** Its methods now, unordered. */
    List<MethodSnapshot> snapshot(Map<MeterId, MeterSnapshot.TimerSnapshot> timers, long nowMillis) {
        return methods.values().stream().map(m -> m.snapshot(timers, nowMillis)).toList();
    }
}
