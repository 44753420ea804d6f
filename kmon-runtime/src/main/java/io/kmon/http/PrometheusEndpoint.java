package io.kmon.http;

import io.kmon.format.PrometheusText;
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
        PrometheusText.Output out = write(snapshots.get(), request.header("Accept"));
        return new Response(200, out.contentType(), out.body(), Map.of("Vary", "Accept"));
    }

    /** {@code snapshot} in the format {@code accept} (the Accept header, or null) prefers. */
    static PrometheusText.Output write(MetricsSnapshot snapshot, String accept) {
        return PrometheusText.write(snapshot, wantsOpenMetrics(accept));
    }

    /**
     * Whether {@code accept} prefers OpenMetrics: its q-value for {@code application/openmetrics-text}
     * is above 0 and above the one for {@code text/plain} (a tie, as with {@code *}{@code /*}, gets text).
     */
    static boolean wantsOpenMetrics(String accept) {
        double openMetrics = QualityList.quality(accept, "application/openmetrics-text");
        return openMetrics > 0 && openMetrics > QualityList.quality(accept, "text/plain");
    }
}
