package io.kmon.http;

import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import java.util.List;

/** {@code GET /metrics}: the JSON status, the original design's {@code get_monitoring_status()}. */
final class MetricsEndpoint implements Endpoint {
    private final Kmon kmon;

    MetricsEndpoint(Kmon kmon) {
        this.kmon = kmon;
    }

    /**
     * The body.
     *
     * @param monitoring the metrics summary
     */
    record Body(MetricsJson.Monitoring monitoring) {}

    @Override
    public Response handle(Request request) {
        MetricsSnapshot snapshot = kmon.snapshot();
        List<MethodTable.Component> components = kmon.components().stream()
                .map(c -> new MethodTable.Component(c.name(), c.prefix()))
                .toList();
        return Response.json(200, new Body(
                MetricsJson.monitoring(snapshot, kmon.startMillis(), components, kmon.seriesNames())));
    }
}
