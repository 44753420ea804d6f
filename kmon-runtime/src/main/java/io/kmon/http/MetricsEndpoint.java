package io.kmon.http;

import io.kmon.alert.AlertEngine;
import io.kmon.annotations.AlertLevel;
import io.kmon.health.HealthRegistry;
import io.kmon.health.HealthReport;
import io.kmon.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the JSON status, the original design's {@code get_monitoring_status()}:
 * {@code {"monitoring": summary, "health": report, "alerts": {"total": …, "recent": …}}}, where
 * "recent" means the last hour. Always 200: the health status is in the body (and in the
 * status code of {@code /health}).
 */
final class MetricsEndpoint implements Endpoint {
    static final long RECENT_MILLIS = Duration.ofHours(1).toMillis();

    private final Supplier<MetricsSnapshot> snapshots;
    private final Supplier<Set<String>> seriesNames;
    private final long startMillis;
    private final AlertEngine alerts;
    private final HealthRegistry health;

    /**
     * An endpoint.
     *
     * @param snapshots the metrics now
     * @param seriesNames the names that have recent points
     * @param startMillis when the instance started, for the uptime
     * @param alerts for the alert counts
     * @param health for the health report
     */
    MetricsEndpoint(Supplier<MetricsSnapshot> snapshots, Supplier<Set<String>> seriesNames, long startMillis,
            AlertEngine alerts, HealthRegistry health) {
        this.snapshots = snapshots;
        this.seriesNames = seriesNames;
        this.startMillis = startMillis;
        this.alerts = alerts;
        this.health = health;
    }

    /**
     * The body.
     *
     * @param monitoring the metrics summary
     * @param health every health check's result
     * @param alerts alert counts
     */
    record Body(Monitoring monitoring, HealthReport health, AlertCounts alerts) {}

    /**
     * The original design's {@code get_summary()}.
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
    record Monitoring(double uptimeSeconds, MetricsJson.MetricsSummary metricsSummary, long recentAlerts,
            Map<String, Long> alertsByLevel, int healthChecks, List<MethodTable.Row> methods,
            Map<String, Long> overflow, ChartSeries chartSeries) {}

    /**
     * Alert counts.
     *
     * @param total alerts raised since start
     * @param recent alerts raised in the last hour
     */
    record AlertCounts(long total, long recent) {}

    @Override
    public Response handle(Request request) {
        MetricsSnapshot snapshot = snapshots.get();
        Set<String> recent = seriesNames.get();
        MetricsJson.Metrics metrics = MetricsJson.metrics(snapshot, startMillis, recent);
        Map<String, Long> byLevel = new LinkedHashMap<>();
        alerts.countsSince(snapshot.timestampMillis() - RECENT_MILLIS)
                .forEach((level, n) -> byLevel.put(Json.level(level), n));
        for (AlertLevel level : AlertLevel.values()) {
            byLevel.putIfAbsent(Json.level(level), 0L);
        }
        long recentAlerts = byLevel.values().stream().mapToLong(Long::longValue).sum();
        HealthReport report = health.check();
        Monitoring monitoring = new Monitoring(metrics.uptimeSeconds(), metrics.summary(), recentAlerts, byLevel,
                health.names().size(), metrics.methods(), metrics.overflow(),
                ChartSeries.of(snapshot.methods().stream().map(m -> m.prefix()).distinct().toList(), recent));
        return Response.json(200, new Body(monitoring, report, new AlertCounts(alerts.total(), recentAlerts)));
    }
}
