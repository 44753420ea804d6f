package io.kmon.http;

import com.sun.net.httpserver.HttpServer;
import io.kmon.Kmon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

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
 * <p>Endpoints (GET and HEAD): {@code /} dashboard; {@code /health}, {@code /health/live},
 * {@code /health/ready} (503 when unhealthy); {@code /metrics} JSON status;
 * {@code /metrics/prometheus} (text 0.0.4 or OpenMetrics); {@code /metrics/series?name=…&since=…};
 * {@code /alerts?limit=…&since=…}; {@code /errors}. Every response has a
 * Content-Type, a Content-Length and {@code Cache-Control: no-store}; every refusal is a short
 * JSON error.
 *
 * <p>Threads: requests run on a bounded pool of daemon threads ({@link Builder#threads}) with a
 * bounded queue; the JDK's dispatcher thread is started as a daemon too, so a running server
 * never keeps the JVM alive. Request timeouts and size limits come from the JDK's
 * {@code sun.net.httpserver.*} system properties, which kmon sets when they are unset; see
 * {@link Builder#readTimeout}.
 */
public final class KmonServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KmonServer.class.getName());

    private final HttpServer server;
    private final HttpPool pool;
    private final InetSocketAddress address;
    private final Map<String, String> limits;
    private volatile boolean closed;

    private KmonServer(HttpServer server, HttpPool pool, Map<String, String> limits) {
        this.server = server;
        this.pool = pool;
        this.address = server.getAddress();
        this.limits = Map.copyOf(limits);
    }

    /**
     * Serves {@code kmon} on 127.0.0.1:{@code port} with the defaults; port 0 picks a free port.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static KmonServer start(Kmon kmon, int port) {
        return builder(kmon).port(port).start();
    }

    /** A builder for a server exporting {@code kmon}. */
    public static Builder builder(Kmon kmon) {
        return new Builder(kmon);
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return address.getPort();
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return address;
    }

    /** The base URI, {@code http://host:port/}. */
    public URI uri() {
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Requests dropped because every thread was busy and the queue was full. */
    public long rejectedRequests() {
        return pool.rejected();
    }

    /** Requests being handled right now (tests wait on it). */
    int activeRequests() {
        return pool.getActiveCount();
    }

    /** The JDK server properties in effect when this server started (see {@link Builder#readTimeout}). */
    Map<String, String> limits() {
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
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures and starts a {@link KmonServer}. */
    public static final class Builder {
        private final Kmon kmon;
        private String bindAddress = "127.0.0.1";
        private int port = 0;
        private int threads = 4;
        private int maxQueuedRequests = 1024;
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private String bearerToken;
        private boolean protectLiveness;

        private Builder(Kmon kmon) {
            this.kmon = Objects.requireNonNull(kmon, "kmon");
        }

        /** The address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface). */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /** The port, 0 to 65535 (default 0: a free port, see {@link KmonServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Worker threads, at least 1 (default 4). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Requests that may wait for a thread before new ones are dropped, at least 1 (default 1024). */
        public Builder maxQueuedRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxQueuedRequests must be at least 1: " + max);
            }
            this.maxQueuedRequests = max;
            return this;
        }

        /**
         * The time a client has to send a whole request (default 10 s), whole seconds. Sets the
         * JDK's {@code sun.net.httpserver.maxReqTime} unless it is already set. Like every
         * {@code sun.net.httpserver.*} property it is read once per JVM, by the first
         * {@code HttpServer} created, and applies to all of them: set it with {@code -D} to be sure.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = ServerLimits.wholeSeconds(timeout, "readTimeout");
            return this;
        }

        /**
         * The time a client has to take a whole response (default 30 s), whole seconds: the JDK's
         * {@code sun.net.httpserver.maxRspTime}, with the caveats of {@link #readTimeout}.
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = ServerLimits.wholeSeconds(timeout, "writeTimeout");
            return this;
        }

        /**
         * How long an idle connection stays open (default 30 s), whole seconds: the JDK's
         * {@code sun.net.httpserver.idleInterval}, with the caveats of {@link #readTimeout}.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = ServerLimits.wholeSeconds(timeout, "idleTimeout");
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <token>} on every endpoint except {@code /} (a
         * static page without data, which asks for the token) and {@code /health/live}; null
         * for none (the default).
         */
        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        /** Whether {@code /health/live} needs the token too (default false: probes stay simple). */
        public Builder protectLiveness(boolean protect) {
            this.protectLiveness = protect;
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @throws UncheckedIOException when the address cannot be bound
         * @throws IllegalArgumentException when the bind address is not an address
         */
        public KmonServer start() {
            BearerAuth auth = bearerToken == null ? null : new BearerAuth(bearerToken);
            InetAddress host;
            try {
                host = InetAddress.getByName(bindAddress);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bindAddress is not a known host or address: " + bindAddress, e);
            }
            Map<String, String> limits = ServerLimits.apply(System.getProperties(), readTimeout, writeTimeout,
                    idleTimeout);
            InetSocketAddress socket = new InetSocketAddress(host, port);
            HttpServer server;
            try {
                server = HttpServer.create(socket, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port, e);
            }
            HttpPool pool = new HttpPool(threads, maxQueuedRequests, "kmon-http-" + server.getAddress().getPort());
            server.setExecutor(pool);
            server.createContext("/", new Router(routes(), auth, kmon::containedFailure));
            startAsDaemon(server);
            KmonServer started = new KmonServer(server, pool, limits);
            LOG.log(System.Logger.Level.DEBUG, () -> "kmon HTTP server on " + started.uri() + " with " + limits);
            return started;
        }

        private Map<String, Router.Route> routes() {
            Map<String, Router.Route> routes = new LinkedHashMap<>();
            routes.put("/", new Router.Route(new DashboardEndpoint(), true));
            routes.put("/metrics", new Router.Route(new MetricsEndpoint(kmon), false));
            routes.put("/metrics/prometheus", new Router.Route(new PrometheusEndpoint(kmon), false));
            routes.put("/metrics/series", new Router.Route(new SeriesEndpoint(kmon), false));
            routes.put("/health", new Router.Route(new HealthEndpoint(kmon.health()::check), false));
            routes.put("/health/live", new Router.Route(new HealthEndpoint(kmon.health()::checkLiveness),
                    !protectLiveness));
            routes.put("/health/ready", new Router.Route(new HealthEndpoint(kmon.health()::checkReadiness), false));
            routes.put("/alerts", new Router.Route(new AlertsEndpoint(kmon.alerts()), false));
            routes.put("/errors", new Router.Route(new ErrorsEndpoint(kmon.errors()), false));
            return routes;
        }

        /**
         * The JDK's dispatcher thread inherits daemon status from the thread that starts the
         * server, so starting it from a daemon thread keeps the exporter from holding the JVM open.
         */
        private static void startAsDaemon(HttpServer server) {
            java.util.concurrent.atomic.AtomicReference<RuntimeException> failed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread starter = new Thread(() -> {
                try {
                    server.start();
                } catch (RuntimeException e) {
                    failed.set(e);
                }
            }, "kmon-http-start");
            starter.setDaemon(true);
            starter.start();
            try {
                starter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.stop(0);
                throw new IllegalStateException("interrupted while starting the kmon HTTP server", e);
            }
            if (failed.get() != null) {
                server.stop(0);
                throw failed.get();
            }
        }
    }
}
