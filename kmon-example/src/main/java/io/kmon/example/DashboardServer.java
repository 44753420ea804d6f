package io.kmon.example;

import io.kmon.Kmon;
import io.kmon.health.HealthResult;
import io.kmon.http.KmonServer;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts kmon's exporter on the port asked for or, when that port cannot be bound (another
 * process has it), on a free one: the MCP server must not die for its dashboard, and its client
 * would only see "connection closed". The move is logged on stderr and stays visible in
 * {@code /health} as the degraded check {@value #CHECK}, with the port asked for, the port used
 * and the reason.
 */
final class DashboardServer {
    /** The health check that reports a dashboard moved off the port asked for. */
    static final String CHECK = "dashboard_port";

    private static final System.Logger LOG = System.getLogger(DashboardServer.class.getName());

    private DashboardServer() {}

    /**
     * The exporter on 127.0.0.1:{@code port}, or on a free port when {@code port} is taken.
     *
     * @throws UncheckedIOException when not even a free port can be bound
     */
    static KmonServer start(Kmon kmon, int port) {
        try {
            return KmonServer.start(kmon, port);
        } catch (UncheckedIOException e) {
            if (port == 0) {
                throw e;
            }
            String reason = reason(e);
            KmonServer server = KmonServer.start(kmon, 0);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "kmon dashboard: cannot listen on 127.0.0.1:" + port + " (" + reason
                            + "); serving on " + server.uri() + " instead. Choose the port with --port N or "
                            + ExampleOptions.PORT_ENV + ".");
            Map<String, Object> details = Map.of("requested_port", port, "port", server.port(), "reason", reason);
            // Degraded, not unhealthy: the tools still serve; only the dashboard's address moved.
            kmon.health().register(CHECK, () -> HealthResult.degraded(details));
            return server;
        }
    }

    private static String reason(UncheckedIOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
