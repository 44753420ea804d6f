package io.kmon.http;

import io.kmon.format.PrometheusText;
import io.kmon.format.TimerExport;
import io.kmon.metrics.MetricsSnapshot;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /metrics/prometheus}: Prometheus text 0.0.4, OpenMetrics 1.0 when the
 * {@code Accept} header asks for {@code application/openmetrics-text}, or protobuf with native
 * histograms when it asks for Prometheus's delimited {@code MetricFamily} protobuf.
 * {@code Vary: Accept} tells caches the body depends on it.
 */
final class PrometheusEndpoint implements Endpoint {
    private static final String PROTOBUF = "application/vnd.google.protobuf";

    private final Supplier<MetricsSnapshot> snapshots;
    private final TimerExport timers;

    PrometheusEndpoint(Supplier<MetricsSnapshot> snapshots, TimerExport timers) {
        this.snapshots = snapshots;
        this.timers = timers;
    }

    @Override
    public Response handle(Request request) {
        PrometheusText.Output out = write(snapshots.get(), request.header("Accept"), timers);
        return new Response(200, out.contentType(), out.body(), Map.of("Vary", "Accept"));
    }

    /** {@code snapshot} in the format {@code accept} (the Accept header, or null) prefers, timers as the default. */
    static PrometheusText.Output write(MetricsSnapshot snapshot, String accept) {
        return write(snapshot, accept, TimerExport.DEFAULT);
    }

    /** {@code snapshot} in the format {@code accept} (the Accept header, or null) prefers. */
    static PrometheusText.Output write(MetricsSnapshot snapshot, String accept, TimerExport timers) {
        PrometheusText.Format format = wantsProtobuf(accept)
                ? PrometheusText.Format.PROTOBUF
                : wantsOpenMetrics(accept) ? PrometheusText.Format.OPENMETRICS : PrometheusText.Format.TEXT;
        return PrometheusText.write(snapshot, format, timers);
    }

    /**
     * Whether {@code accept} prefers OpenMetrics: its q-value for {@code application/openmetrics-text}
     * is above 0 and above the one for {@code text/plain} (a tie, as with {@code *}{@code /*}, gets text).
     */
    static boolean wantsOpenMetrics(String accept) {
        double openMetrics = QualityList.quality(accept, "application/openmetrics-text");
        return openMetrics > 0 && openMetrics > QualityList.quality(accept, "text/plain");
    }

    /**
     * Whether {@code accept} prefers protobuf: it names {@code application/vnd.google.protobuf}
     * with {@code proto=io.prometheus.client.MetricFamily} and {@code encoding=delimited} (as
     * Prometheus does when native histograms are on), at a q-value above 0 and at least those of
     * the text formats, and client_java's protobuf writer is present. A wildcard never selects it.
     */
    static boolean wantsProtobuf(String accept) {
        double protobuf = QualityList.exactQuality(
                accept, PROTOBUF, "proto=io.prometheus.client.MetricFamily", "encoding=delimited");
        return PrometheusText.protobufAvailable()
                && protobuf > 0
                && protobuf >= QualityList.quality(accept, "application/openmetrics-text")
                && protobuf >= QualityList.quality(accept, "text/plain");
    }
}
