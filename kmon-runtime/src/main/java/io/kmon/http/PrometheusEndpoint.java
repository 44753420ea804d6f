package io.kmon.http;

import io.kmon.Kmon;
import java.util.Map;

/**
 * {@code GET /metrics/prometheus}: Prometheus text 0.0.4, OpenMetrics 1.0 when the
 * {@code Accept} header asks for {@code application/openmetrics-text}, or protobuf with native
 * histograms when it asks for Prometheus's delimited {@code MetricFamily} protobuf.
 * {@code Vary: Accept} tells caches the body depends on it.
 */
final class PrometheusEndpoint implements Endpoint {
    private final Kmon kmon;
    private final TimerExport timers;

    PrometheusEndpoint(Kmon kmon) {
        this(kmon, TimerExport.DEFAULT);
    }

    PrometheusEndpoint(Kmon kmon, TimerExport timers) {
        this.kmon = kmon;
        this.timers = timers;
    }

    @Override
    public Response handle(Request request) {
        PrometheusWriter.Output out = PrometheusWriter.write(kmon.snapshot(), request.header("Accept"), timers);
        return new Response(200, out.contentType(), out.body(), Map.of("Vary", "Accept"));
    }
}
