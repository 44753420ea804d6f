package io.kmon.http;

import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.WindowStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per monitored method, read from a snapshot: the dashboard's table and the
 * {@code methods} part of {@code /metrics}. A component's methods are the series of its
 * {@code <prefix>.duration} timer tagged with its name.
 */
final class MethodTable {
    private MethodTable() {}

    /**
     * A monitored component, as the table needs it.
     *
     * @param name the {@code component} tag
     * @param prefix the metric name prefix
     */
    record Component(String name, String prefix) {}

    /**
     * One method.
     *
     * @param component the component
     * @param prefix the component's metric name prefix
     * @param method the method tag
     * @param calls calls so far
     * @param errors failed calls so far
     * @param errorRate errors / calls, 0 without calls
     * @param avgSeconds mean duration since start, null without calls
     * @param p50Seconds windowed median, null when the window is empty
     * @param p95Seconds windowed 95th percentile, null when the window is empty
     * @param p99Seconds windowed 99th percentile, null when the window is empty
     * @param maxSeconds windowed maximum, null when the window is empty
     */
    record Row(String component, String prefix, String method, long calls, long errors, double errorRate, Double avgSeconds,
            Double p50Seconds, Double p95Seconds, Double p99Seconds, Double maxSeconds) {}

    /**
     * The rows of {@code components} in {@code snapshot}, by component then method. One pass
     * over the snapshot, whatever the number of components.
     */
    static List<Row> rows(MetricsSnapshot snapshot, List<Component> components) {
        Map<String, Component> byName = new HashMap<>();
        components.forEach(c -> byName.put(c.name(), c));
        Map<String, Long> calls = new HashMap<>();
        Map<String, Long> errors = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<MeterSnapshot.TimerSnapshot> durations = new ArrayList<>();
        for (MeterSnapshot m : snapshot.meters()) {
            Component c = byName.get(m.id().tag("component"));
            String method = m.id().tag("method");
            if (c == null || method == null) {
                continue;
            }
            String name = m.id().name();
            String key = c.name() + '\0' + method;
            if (m instanceof MeterSnapshot.CounterSnapshot k && is(name, c.prefix(), ".calls")) {
                calls.put(key, k.count());
            } else if (m instanceof MeterSnapshot.CounterSnapshot k && is(name, c.prefix(), ".errors")) {
                errors.merge(key, k.count(), Long::sum);
            } else if (m instanceof MeterSnapshot.TimerSnapshot t && is(name, c.prefix(), ".duration")) {
                durations.add(t);
            }
        }
        for (MeterSnapshot.TimerSnapshot t : durations) {
            Component c = byName.get(t.id().tag("component"));
            String key = c.name() + '\0' + t.id().tag("method");
            rows.add(row(c, t.id().tag("method"), calls.getOrDefault(key, t.count()), errors.getOrDefault(key, 0L), t));
        }
        rows.sort(Comparator.comparing(Row::component).thenComparing(Row::method));
        return rows;
    }

    /** Whether {@code name} is {@code prefix + suffix}, without building that string per series. */
    private static boolean is(String name, String prefix, String suffix) {
        return name.length() == prefix.length() + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix);
    }

    private static Row row(Component c, String method, long calls, long errors, MeterSnapshot.TimerSnapshot t) {
        Double avg = t.count() == 0 ? null : WindowStats.seconds((double) t.totalNanos() / t.count());
        WindowStats w = t.window().orElse(null);
        return new Row(c.name(), c.prefix(), method, calls, errors, calls == 0 ? 0 : (double) errors / calls, avg,
                w == null ? null : WindowStats.seconds(w.p50Nanos()),
                w == null ? null : WindowStats.seconds(w.p95Nanos()),
                w == null ? null : WindowStats.seconds(w.p99Nanos()),
                w == null ? null : WindowStats.seconds(w.maxNanos()));
    }
}
