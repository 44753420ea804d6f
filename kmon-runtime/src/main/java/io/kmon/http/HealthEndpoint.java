package io.kmon.http;

import io.kmon.health.HealthReport;
import io.kmon.health.HealthStatus;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready}: answers with the report
 * (through a {@link HealthCache}), 200 when healthy or degraded and 503 when unhealthy, so load
 * balancers and orchestrators can act on the status code alone. A request that reached an open
 * route without the configured token gets the status only: check names and details stay behind
 * the token.
 */
final class HealthEndpoint implements Endpoint {
    private final Supplier<HealthReport> checks;

    /** An endpoint answering with what {@code checks} reports, e.g. a cache of {@code kmon.health()::checkLiveness}. */
    HealthEndpoint(Supplier<HealthReport> checks) {
        this.checks = checks;
    }

    @Override
    public Response handle(Request request) {
        HealthReport report = checks.get();
        if (!request.authenticated()) {
            return Response.json(
                    status(report), Map.of("status", report.status().toString()));
        }
        return Response.json(status(report), report);
    }

    static int status(HealthReport report) {
        return report.status() == HealthStatus.UNHEALTHY ? 503 : 200;
    }
}
