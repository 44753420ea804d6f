package io.kmon.format;

import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.WindowStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics part of {@code /metrics}, read from one snapshot: counters, gauges and timer
 * summaries keyed by {@code name{tag=value, …}}, the uptime, the
 * per-method table, the cardinality overflow and the names that have recent series.
 */
public final class MetricsJson {
    private MetricsJson() {}

    /**
     * What one snapshot says.
     *
     * @param uptimeSeconds seconds since the {@code Kmon} started
     * @param summary every series
     * @param methods one row per monitored method
     * @param overflow per metric name, registrations folded by the cardinality cap
     */
    record Metrics(
            double uptimeSeconds, MetricsSummary summary, List<MethodTable.Row> methods, Map<String, Long> overflow) {}

    /**
     * Every series, keyed by {@code name{tag=value, …}}.
     *
     * @param timestamp when the snapshot was taken, epoch milliseconds
     * @param counters counter totals
     * @param gauges gauge values (null when unset or failing)
     * @param timersSummary per timer, its sliding window in seconds and cumulative totals
     * @param series names with recent points, for {@code /metrics/series}
     */
    public record MetricsSummary(
            long timestamp,
            Map<String, Long> counters,
            Map<String, Double> gauges,
            Map<String, TimerSummary> timersSummary,
            Set<String> series) {}

    /**
     * One timer.
     *
     * @param count samples in the window
     * @param avg their mean, seconds
     * @param min the smallest, seconds
     * @param max the largest, seconds
     * @param p50 median, seconds
     * @param p95 95th percentile, seconds
     * @param p99 99th percentile, seconds
     * @param totalCount durations recorded since start
     * @param totalSeconds their sum
     */
    public record TimerSummary(
            long count,
            Double avg,
            Double min,
            Double max,
            Double p50,
            Double p95,
            Double p99,
            long totalCount,
            double totalSeconds) {}

    /** The summary of {@code snapshot} for a {@code Kmon} started at {@code startMillis}. */
    static Metrics metrics(MetricsSnapshot snapshot, long startMillis, Set<String> seriesNames) {
        Map<String, Long> counters = new LinkedHashMap<>();
        Map<String, Double> gauges = new LinkedHashMap<>();
        Map<String, TimerSummary> timers = new LinkedHashMap<>();
        for (MeterSnapshot m : snapshot.meters()) {
            String key = m.id().toString();
            if (m instanceof MeterSnapshot.CounterSnapshot c) {
                counters.put(key, c.count());
            } else if (m instanceof MeterSnapshot.GaugeSnapshot g) {
                gauges.put(key, Json.finite(g.value()));
            } else if (m instanceof MeterSnapshot.TimerSnapshot t) {
                timers.put(key, timer(t));
            }
        }
        double uptime = Math.max(0, snapshot.timestampMillis() - startMillis) / 1000.0;
        return new Metrics(
                uptime,
                new MetricsSummary(snapshot.timestampMillis(), counters, gauges, timers, seriesNames),
                MethodTable.rows(snapshot),
                snapshot.folded());
    }

    private static TimerSummary timer(MeterSnapshot.TimerSnapshot t) {
        double total = WindowStats.seconds(t.totalNanos());
        return t.window()
                .map(w -> new TimerSummary(
                        w.count(),
                        WindowStats.seconds(w.meanNanos()),
                        WindowStats.seconds(w.minNanos()),
                        WindowStats.seconds(w.maxNanos()),
                        WindowStats.seconds(w.p50Nanos()),
                        WindowStats.seconds(w.p95Nanos()),
                        WindowStats.seconds(w.p99Nanos()),
                        t.count(),
                        total))
                .orElseGet(() -> new TimerSummary(0, null, null, null, null, null, null, t.count(), total));
    }
}
