package io.kmon;

import io.kmon.annotations.AlertLevel;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One monitored component: the methods of a {@code @Monitored} interface (or several, if they
 * share a name). Created by {@link Kmon#component}; generated code asks it for one
 * {@link MethodMonitor} per method at wrap time.
 */
public final class ComponentMonitor {
    private final Kmon kmon;
    private final String name;
    private final String prefix;
    private final ConcurrentHashMap<String, MethodMonitor> methods = new ConcurrentHashMap<>();

    ComponentMonitor(Kmon kmon, String name, String prefix) {
        this.kmon = kmon;
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
     * @return the method's handle
     */
    public MethodMonitor method(String method, long slowNanos, AlertLevel slowLevel, Class<?>... alertOn) {
        Objects.requireNonNull(alertOn, "alertOn");
        Objects.requireNonNull(method, "method");
        return methods.computeIfAbsent(method,
                m -> new MethodMonitor(kmon, this, m, slowNanos, slowLevel, Arrays.asList(alertOn)));
    }

    /** {@return the component name (tag {@code component})} */
    public String name() {
        return name;
    }

    /** {@return the metric name prefix} */
    public String prefix() {
        return prefix;
    }

    /** {@return the calls so far over all methods} */
    public long calls() {
        return methods.values().stream().mapToLong(m -> m.successes() + m.errors()).sum();
    }

    /** {@return the failed calls so far over all methods} */
    public long errors() {
        return methods.values().stream().mapToLong(MethodMonitor::errors).sum();
    }
}
