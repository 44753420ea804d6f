package io.kmon.http;

import io.kmon.alert.AlertEngine;
import io.kmon.format.StatusJson;
import io.kmon.health.HealthRegistry;
import io.kmon.metrics.MetricsSnapshot;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the JSON status ({@link StatusJson}). Always 200: the health status is
 * in the body (and in the status code of {@code /health}).
 */
final class MetricsEndpoint implements Endpoint {
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
    MetricsEndpoint(
            Supplier<MetricsSnapshot> snapshots,
            Supplier<Set<String>> seriesNames,
            long startMillis,
            AlertEngine alerts,
            HealthRegistry health) {
        this.snapshots = snapshots;
        this.seriesNames = seriesNames;
        this.startMillis = startMillis;
        this.alerts = alerts;
        this.health = health;
    }

    @Override
    public Response handle(Request request) {
        MetricsSnapshot snapshot = snapshots.get();
        return Response.json(
                200,
                StatusJson.of(
                        snapshot,
                        startMillis,
                        seriesNames.get(),
                        health.check(),
                        health.names().size(),
                        alerts.countsSince(snapshot.timestampMillis() - StatusJson.RECENT.toMillis()),
                        alerts.total()));
    }
}
