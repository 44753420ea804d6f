package io.kmon.format;

import io.kmon.annotations.AlertLevel;
import io.kmon.health.HealthReport;
import io.kmon.metrics.MethodSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON status of {@code GET /metrics}: {@code {"monitoring": summary, "health": report,
 * "alerts": {"total": …, "recent": …}}}, where "recent" means the last hour, built from one
 * metrics snapshot, one health report and the alert counts.
 *
 * <pre>{@code
 * MetricsSnapshot snapshot = kmon.snapshot();
 * long hourAgo = snapshot.timestampMillis() - StatusJson.RECENT.toMillis();
 * byte[] json = Json.bytes(StatusJson.of(snapshot, kmon.startMillis(), kmon.seriesNames(), kmon.health().check(),
 *         kmon.health().names().size(), kmon.alerts().countsSince(hourAgo), kmon.alerts().total()));
 * }</pre>
 */
public final class StatusJson {
    /** How far back alerts count as recent. */
    public static final Duration RECENT = Duration.ofHours(1);

    private StatusJson() {}

    /**
     * The body.
     *
     * @param monitoring the metrics summary
     * @param health every health check's result
     * @param alerts alert counts
     */
    public record Body(Monitoring monitoring, HealthReport health, AlertCounts alerts) {}

    /**
     * The metrics summary.
     *
     * @param uptimeSeconds seconds since kmon started
     * @param metricsSummary every series
     * @param recentAlerts alerts raised in the last hour
     * @param alertsByLevel the same, per level
     * @param healthChecks registered health checks
     * @param methods one row per monitored method
     * @param overflow per metric name, registrations folded by the cardinality cap
     * @param chartSeries the series the dashboard's charts draw
     */
    public record Monitoring(
            double uptimeSeconds,
            MetricsJson.MetricsSummary metricsSummary,
            long recentAlerts,
            Map<String, Long> alertsByLevel,
            int healthChecks,
            List<MethodTable.Row> methods,
            Map<String, Long> overflow,
            ChartSeries chartSeries) {}

    /**
     * Alert counts.
     *
     * @param total alerts raised since start
     * @param recent alerts raised in the last hour
     */
    public record AlertCounts(long total, long recent) {}

    /**
     * The status.
     *
     * @param snapshot the metrics now
     * @param startMillis when the instance started, for the uptime
     * @param seriesNames the names that have recent points
     * @param health the health report now
     * @param healthChecks how many checks are registered
     * @param recentByLevel per level, alerts raised within {@link #RECENT} of the snapshot
     * @param totalAlerts alerts raised since start
     * @return the body
     */
    public static Body of(
            MetricsSnapshot snapshot,
            long startMillis,
            Set<String> seriesNames,
            HealthReport health,
            int healthChecks,
            Map<AlertLevel, Long> recentByLevel,
            long totalAlerts) {
        MetricsJson.Metrics metrics = MetricsJson.metrics(snapshot, startMillis, seriesNames);
        Map<String, Long> byLevel = new LinkedHashMap<>();
        recentByLevel.forEach((level, n) -> byLevel.put(Json.level(level), n));
        for (AlertLevel level : AlertLevel.values()) {
            byLevel.putIfAbsent(Json.level(level), 0L);
        }
        long recent = byLevel.values().stream().mapToLong(Long::longValue).sum();
        Monitoring monitoring = new Monitoring(
                metrics.uptimeSeconds(),
                metrics.summary(),
                recent,
                byLevel,
                healthChecks,
                metrics.methods(),
                metrics.overflow(),
                ChartSeries.of(
                        snapshot.methods().stream()
                                .map(MethodSnapshot::prefix)
                                .distinct()
                                .toList(),
                        seriesNames));
        return new Body(monitoring, health, new AlertCounts(totalAlerts, recent));
    }
}
