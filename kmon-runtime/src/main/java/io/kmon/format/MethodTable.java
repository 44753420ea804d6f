package io.kmon.format;

import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MethodSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.WindowStats;
import java.util.List;

/**
 * One row per monitored method, read from a snapshot's typed methods: the dashboard's table
 * and the {@code methods} part of {@code /metrics}.
 */
public final class MethodTable {
    private MethodTable() {}

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
     * @param sharedDuration whether the durations are the cardinality cap's overflow timer, shared
     *     with other methods
     */
    public record Row(
            String component,
            String prefix,
            String method,
            long calls,
            long errors,
            double errorRate,
            Double avgSeconds,
            Double p50Seconds,
            Double p95Seconds,
            Double p99Seconds,
            Double maxSeconds,
            boolean sharedDuration) {}

    /** The rows of {@code snapshot}'s methods, by component then method. */
    static List<Row> rows(MetricsSnapshot snapshot) {
        return snapshot.methods().stream().map(MethodTable::row).toList();
    }

    private static Row row(MethodSnapshot m) {
        MeterSnapshot.TimerSnapshot t = m.duration();
        Double avg = t.count() == 0 ? null : WindowStats.seconds((double) t.totalNanos() / t.count());
        WindowStats w = t.window().orElse(null);
        return new Row(
                m.component(),
                m.prefix(),
                m.method(),
                m.calls(),
                m.errors(),
                m.errorRate(),
                avg,
                w == null ? null : WindowStats.seconds(w.p50Nanos()),
                w == null ? null : WindowStats.seconds(w.p95Nanos()),
                w == null ? null : WindowStats.seconds(w.p99Nanos()),
                w == null ? null : WindowStats.seconds(w.maxNanos()),
                m.durationShared());
    }
}
