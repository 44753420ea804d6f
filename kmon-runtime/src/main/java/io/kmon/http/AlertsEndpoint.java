package io.kmon.http;

import io.kmon.alert.Alert;
import io.kmon.alert.AlertEngine;
import java.util.List;

/**
 * {@code GET /alerts?limit=…&since=…}: the alerts kept in kmon's history, newest first.
 * {@code limit} (default and most: the history size) cuts the list; {@code since} (epoch
 * milliseconds) keeps only alerts raised at or after it.
 */
final class AlertsEndpoint implements Endpoint {
    private final AlertEngine alerts;

    AlertsEndpoint(AlertEngine alerts) {
        this.alerts = alerts;
    }

    /**
     * The body.
     *
     * @param total alerts raised since start, including those no longer kept
     * @param suppressed alerts suppressed by cooldowns since start
     * @param alerts the alerts, newest first
     */
    record Body(long total, long suppressed, List<Alert> alerts) {}

    @Override
    public Response handle(Request request) {
        long since = request.query().nonNegativeLong("since", 0);
        long limit = request.query().nonNegativeLong("limit", alerts.historySize());
        if (limit == 0) {
            throw HttpException.badRequest("query parameter 'limit' must be at least 1");
        }
        List<Alert> kept = since > 0 ? alerts.since(since) : alerts.recent();
        List<Alert> shown = kept.size() > limit ? kept.subList(0, (int) limit) : kept;
        return Response.json(200, new Body(alerts.total(), alerts.suppressed(), shown));
    }
}
