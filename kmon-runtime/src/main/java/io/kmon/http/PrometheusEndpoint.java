package io.kmon.http;

import io.kmon.Kmon;
import java.util.Map;

/**
 * {@code GET /metrics/prometheus}: Prometheus text 0.0.4, or OpenMetrics 1.0 when the
 * {@code Accept} header asks for {@code application/openmetrics-text}. {@code Vary: Accept}
 * tells caches the body depends on it.
 */
final class PrometheusEndpoint implements Endpoint {
    private final Kmon kmon;

    PrometheusEndpoint(Kmon kmon) {
        this.kmon = kmon;
    }

    @Override
    public Response handle(Request request) {
        PrometheusWriter.Output out = PrometheusWriter.write(kmon.snapshot(), request.header("Accept"));
        return new Response(200, out.contentType(), out.body(), Map.of("Vary", "Accept"));
    }
}
