package io.kmon.http;

import io.kmon.metrics.MetricsSnapshot;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /metrics/prometheus}: Prometheus text 0.0.4, or OpenMetrics 1.0 when the
 * {@code Accept} header asks for {@code application/openmetrics-text}. {@code Vary: Accept}
 * tells caches the body depends on it.
 */
final class PrometheusEndpoint implements Endpoint {
    private final Supplier<MetricsSnapshot> snapshots;

    PrometheusEndpoint(Supplier<MetricsSnapshot> snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Response handle(Request request) {
        PrometheusWriter.Output out = PrometheusWriter.write(snapshots.get(), request.header("Accept"));
        return new Response(200, out.contentType(), out.body(), Map.of("Vary", "Accept"));
    }
}
