package io.kmon.http;

import com.sun.net.httpserver.HttpServer;
import io.kmon.Kmon;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * kmon's HTTP exporter on the JDK's own {@code com.sun.net.httpserver}: no servlet container,
 * no dependency beyond Jackson and client_java's text writers.
 *
 * <pre>{@code
 * KmonServer server = KmonServer.start(kmon, 8000);             // 127.0.0.1:8000
 * KmonServer server = KmonServer.builder(kmon)
 *         .bindAddress("0.0.0.0").port(0)                        // 0: any free port
 *         .bearerToken(System.getenv("KMON_TOKEN"))
 *         .start();
 * int port = server.port();
 * server.close();
 * }</pre>
 *
 * <p>Endpoints (GET and HEAD): {@code /} dashboard (with {@code /dashboard.css} and
 * {@code /dashboard.js}); {@code /health}, {@code /health/live},
 * {@code /health/ready} (503 when unhealthy); {@code /metrics} JSON status;
 * {@code /metrics/prometheus} (text 0.0.4 or OpenMetrics); {@code /metrics/series?name=…&since=…};
 * {@code /alerts?limit=…&since=…}; {@code /errors}. Every response has a
 * Content-Type, a Content-Length and {@code Cache-Control: no-store} (the dashboard's files:
 * {@code no-cache} with an ETag); every refusal is a short
 * JSON error.
 *
 * <p>Threads: the JDK reads each request on the executor's thread, so each exchange gets its own
 * thread, virtual on Java 24+ and from a capped pool of platform daemons before, up to
 * {@link KmonServerBuilder#maxConnections}; a request must be read within
 * {@link KmonServerBuilder#readTimeout}, and at most {@link KmonServerBuilder#threads} endpoints
 * run at once. The JDK's dispatcher thread is started as a daemon, so a running server never
 * keeps the JVM alive. The remaining limits come from the JDK's {@code sun.net.httpserver.*}
 * system properties, which kmon sets when they are unset; see
 * {@link KmonServerBuilder#writeTimeout} and {@link #jdkLimits()}.
 */
public final class KmonServer implements AutoCloseable {
    private final HttpServer server;
    private final Workers workers;
    private final ReadDeadline deadline;
    private final InetSocketAddress address;
    private final Map<String, String> limits;
    private volatile boolean closed;

    KmonServer(HttpServer server, Workers workers, ReadDeadline deadline, Map<String, String> limits) {
        this.server = server;
        this.workers = workers;
        this.deadline = deadline;
        this.address = server.getAddress();
        this.limits = Map.copyOf(limits);
    }

    /**
     * Serves {@code kmon} on 127.0.0.1:{@code port} with the defaults; port 0 picks a free port.
     *
     * @param kmon the instance to export
     * @param port the port; 0 for a free one
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static KmonServer start(Kmon kmon, int port) {
        return builder(kmon).port(port).start();
    }

    /**
     * A builder for a server exporting {@code kmon}.
     *
     * @param kmon the instance to export
     * @return the builder
     */
    public static KmonServerBuilder builder(Kmon kmon) {
        return new KmonServerBuilder(kmon);
    }

    /** {@return the port the server listens on} The chosen one when started with port 0. */
    public int port() {
        return address.getPort();
    }

    /** {@return the address the server listens on} */
    public InetSocketAddress address() {
        return address;
    }

    /** {@return the base URI, {@code http://host:port/}} */
    public URI uri() {
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /**
     * {@return the requests dropped} They came while {@link KmonServerBuilder#maxConnections} exchanges
     * were already running.
     */
    public long rejectedRequests() {
        return workers.rejected();
    }

    /** Requests being read or handled right now (tests wait on it). */
    int activeRequests() {
        return workers.active();
    }

    /** Whether requests run on virtual threads (on a JVM that has them) rather than platform threads. */
    boolean virtualThreads() {
        return workers.virtual();
    }

    /**
     * {@return the JDK server properties in effect for this server, by name} JVM-wide, read once by the
     * first {@code HttpServer} of the JVM, so a value this server's builder asked for may not be
     * the one in effect (kmon logs a WARNING when it is not).
     */
    public Map<String, String> jdkLimits() {
        return limits;
    }

    /** Stops listening, closes open connections and ends the pool's threads. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        deadline.close();
        workers.shutdown(5);
    }
}
