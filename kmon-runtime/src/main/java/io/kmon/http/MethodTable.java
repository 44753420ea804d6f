package io.kmon.http;

import io.kmon.metrics.MeterId;
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

    /** The rows of {@code components} in {@code snapshot}, by component then method. */
    static List<Row> rows(MetricsSnapshot snapshot, List<Component> components) {
        Map<MeterId, MeterSnapshot> byId = new HashMap<>();
        Map<String, Long> errorsByMethod = new HashMap<>();
        for (MeterSnapshot m : snapshot.meters()) {
            byId.put(m.id(), m);
        }
        List<Row> rows = new ArrayList<>();
        for (Component c : components) {
            String errorsName = c.prefix() + ".errors";
            snapshot.counters()
                    .filter(k -> k.id().name().equals(errorsName) && c.name().equals(k.id().tag("component")))
                    .forEach(k -> errorsByMethod.merge(c.name() + '\0' + k.id().tag("method"), k.count(), Long::sum));
            String durationName = c.prefix() + ".duration";
            snapshot.timers()
                    .filter(t -> t.id().name().equals(durationName) && c.name().equals(t.id().tag("component"))
                            && t.id().tag("method") != null)
                    .forEach(t -> {
                        String method = t.id().tag("method");
                        MeterSnapshot calls = byId.get(MeterId.of(c.prefix() + ".calls",
                                "component", c.name(), "method", method));
                        long n = calls instanceof MeterSnapshot.CounterSnapshot k ? k.count() : t.count();
                        long errors = errorsByMethod.getOrDefault(c.name() + '\0' + method, 0L);
                        rows.add(row(c, method, n, errors, t));
                    });
        }
        rows.sort(Comparator.comparing(Row::component).thenComparing(Row::method));
        return rows;
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
