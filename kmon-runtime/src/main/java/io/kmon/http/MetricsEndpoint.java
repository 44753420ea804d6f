package io.kmon.http;

import io.kmon.Kmon;
import io.kmon.alert.AlertEngine;
import io.kmon.annotations.AlertLevel;
import io.kmon.health.HealthReport;
import io.kmon.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /metrics}: the JSON status, the original design's {@code get_monitoring_status()}:
 * {@code {"monitoring": summary, "health": report, "alerts": {"total": …, "recent": …}}}, where
 * "recent" means the last hour. Always 200: the health status is in the body (and in the
 * status code of {@code /health}).
 */
final class MetricsEndpoint implements Endpoint {
    static final long RECENT_MILLIS = Duration.ofHours(1).toMillis();

    private final Kmon kmon;

    MetricsEndpoint(Kmon kmon) {
        this.kmon = kmon;
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
        MetricsSnapshot snapshot = kmon.snapshot();
        List<MethodTable.Component> components = kmon.components().stream()
                .map(c -> new MethodTable.Component(c.name(), c.prefix()))
                .toList();
        Set<String> seriesNames = kmon.seriesNames();
        MetricsJson.Metrics metrics = MetricsJson.metrics(snapshot, kmon.startMillis(), components, seriesNames);
        AlertEngine alerts = kmon.alerts();
        Map<String, Long> byLevel = new LinkedHashMap<>();
        alerts.countsSince(snapshot.timestampMillis() - RECENT_MILLIS)
                .forEach((level, n) -> byLevel.put(Json.level(level), n));
        for (AlertLevel level : AlertLevel.values()) {
            byLevel.putIfAbsent(Json.level(level), 0L);
        }
        long recent = byLevel.values().stream().mapToLong(Long::longValue).sum();
        HealthReport health = kmon.health().check();
        Monitoring monitoring = new Monitoring(metrics.uptimeSeconds(), metrics.summary(), recent, byLevel,
                kmon.health().names().size(), metrics.methods(), metrics.overflow(),
                ChartSeries.of(components.stream().map(MethodTable.Component::prefix).toList(), seriesNames));
        return Response.json(200, new Body(monitoring, health, new AlertCounts(alerts.total(), recent)));
    }
}
