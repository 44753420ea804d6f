package io.kmon.http;

import io.kmon.health.HealthReport;
import io.kmon.health.HealthStatus;
import java.util.function.Supplier;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready}: runs the checks (each
 * bounded by kmon's health timeout) and answers with the report, 200 when healthy or degraded
 * and 503 when unhealthy, so load balancers and orchestrators can act on the status code alone.
 */
final class HealthEndpoint implements Endpoint {
    private final Supplier<HealthReport> checks;

    /** An endpoint answering with what {@code checks} reports, e.g. {@code kmon.health()::checkLiveness}. */
    HealthEndpoint(Supplier<HealthReport> checks) {
        this.checks = checks;
    }

    @Override
    public Response handle(Request request) {
        HealthReport report = checks.get();
        return Response.json(status(report), report);
    }

    static int status(HealthReport report) {
        return report.status() == HealthStatus.UNHEALTHY ? 503 : 200;
    }
}
