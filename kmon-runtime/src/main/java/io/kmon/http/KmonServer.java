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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * {@link Builder#maxConnections}; a request must be read within {@link Builder#readTimeout}, and
 * at most {@link Builder#threads} endpoints run at once. The JDK's dispatcher thread is started as
 * a daemon, so a running server never keeps the JVM alive. The remaining limits come from the
 * JDK's {@code sun.net.httpserver.*} system properties, which kmon sets when they are unset; see
 * {@link Builder#writeTimeout}.
 */
public final class KmonServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KmonServer.class.getName());
    /**
     * Connections the kernel queues before the dispatcher accepts them. The JDK's default, 50,
     * overflows under a burst of connects, and each overflowed client then waits for its SYN
     * to be retried (1 s, then 3 s...) instead of being accepted or refused at once.
     */
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final Workers workers;
    private final ReadDeadline deadline;
    private final InetSocketAddress address;
    private final Map<String, String> limits;
    private volatile boolean closed;

    private KmonServer(HttpServer server, Workers workers, ReadDeadline deadline, Map<String, String> limits) {
        this.server = server;
        this.workers = workers;
        this.deadline = deadline;
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

    /** Requests dropped because {@link Builder#maxConnections} exchanges were already running. */
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
        deadline.close();
        workers.shutdown(5);
    }

    /** Configures and starts a {@link KmonServer}. */
    public static final class Builder {
        private final Kmon kmon;
        private String bindAddress = "127.0.0.1";
        private int port = 0;
        private int threads = 4;
        private int maxConnections = 512;
        private Duration readTimeout = Duration.ofSeconds(5);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private String bearerToken;
        private boolean protectLiveness;
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private boolean gzip = true;
        private Duration healthCacheTime = Duration.ofSeconds(1);

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

        /**
         * Endpoints that run at once, at least 1 (default 4): what bounds the CPU and memory that
         * rendering answers takes. Requests beyond it wait (they already hold a connection, see
         * {@link #maxConnections}).
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Open connections, at least 1 (default 512): each holds a thread while its request is
         * read, so this bounds threads and memory. Sets the JDK's {@code jdk.httpserver.maxConnections}
         * unless it is already set; the JDK accepts and at once closes connections beyond it. Like
         * every JDK server property it is read once per JVM, by the first {@code HttpServer}
         * created, and applies to each server in the JVM: set it with {@code -D} to be sure. kmon
         * also never runs more than this many exchanges of this server at once.
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1: " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * The time a client has to send its request line and headers (default 5 s), whole
         * seconds; a slower one is disconnected. Enforced by this server on its own threads.
         * Also sets the JDK's JVM-wide {@code sun.net.httpserver.maxReqTime} unless it is already
         * set, as a backstop (see {@link #writeTimeout} for how such properties apply).
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = ServerLimits.wholeSeconds(timeout, "readTimeout");
            return this;
        }

        /**
         * The time a client has to take a whole response (default 30 s), whole seconds: the JDK's
         * {@code sun.net.httpserver.maxRspTime}, set unless it is already set. Like every
         * {@code sun.net.httpserver.*} property it is read once per JVM, by the first
         * {@code HttpServer} created, and applies to all of them: set it with {@code -D} to be sure.
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = ServerLimits.wholeSeconds(timeout, "writeTimeout");
            return this;
        }

        /**
         * How long an idle connection stays open (default 30 s), whole seconds: the JDK's
         * {@code sun.net.httpserver.idleInterval}, with the caveats of {@link #writeTimeout}.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = ServerLimits.wholeSeconds(timeout, "idleTimeout");
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <token>} on every endpoint except the dashboard's
         * files ({@code /}, {@code /dashboard.css}, {@code /dashboard.js}: static, without data;
         * the page asks for the token) and {@code /health/live}; null
         * for none (the default).
         */
        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        /**
         * Whether {@code /health/live} needs the token too (default false: probes stay simple).
         * Without it, a request that lacks the token gets only {@code {"status":…}}.
         */
        public Builder protectLiveness(boolean protect) {
            this.protectLiveness = protect;
            return this;
        }

        /**
         * Host names, besides the defaults, that requests may name in {@code Host} (no port).
         * By default only IP literals, {@code localhost} and names under {@code .localhost} are
         * answered, and any other Host gets 421: a defence against DNS rebinding, where a web page
         * points its own name at this address to read the answers. Add the names clients use for
         * a real bind address, e.g. {@code allowHosts("app-1.internal")}.
         */
        public Builder allowHosts(String... names) {
            for (String name : names) {
                Objects.requireNonNull(name, "allowHosts");
                if (name.isBlank() || name.contains(":") || name.contains(",")) {
                    throw new IllegalArgumentException("allowHosts takes host names without a port: " + name);
                }
                allowedHosts.add(name);
            }
            return this;
        }

        /** Whether bodies of 1 KiB or more are gzipped for clients that accept it (default true). */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /**
         * How long a health report is served again before the checks run anew (default 1 s; zero
         * runs them on every request). Concurrent requests always share one run.
         */
        public Builder healthCacheTime(Duration ttl) {
            Objects.requireNonNull(ttl, "healthCacheTime");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("healthCacheTime must not be negative: " + ttl);
            }
            this.healthCacheTime = ttl;
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
                    idleTimeout, maxConnections);
            InetSocketAddress socket = new InetSocketAddress(host, port);
            HttpServer server;
            try {
                server = HttpServer.create(socket, BACKLOG);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port, e);
            }
            String name = "kmon-http-" + server.getAddress().getPort();
            ReadDeadline deadline = new ReadDeadline(readTimeout, name + "-deadline");
            Workers workers = new Workers(maxConnections, name, deadline);
            server.setExecutor(workers);
            Set<String> hosts = new LinkedHashSet<>(allowedHosts);
            hosts.add(bindAddress);
            server.createContext("/", new Router(routes(), auth, new HostAllowlist(hosts), gzip, threads,
                    kmon::containedFailure));
            try {
                startAsDaemon(server);
            } catch (RuntimeException e) {
                deadline.close();
                workers.shutdown(0);
                throw e;
            }
            KmonServer started = new KmonServer(server, workers, deadline, limits);
            LOG.log(System.Logger.Level.DEBUG, () -> "kmon HTTP server on " + started.uri() + " with " + limits);
            return started;
        }

        private Map<String, Router.Route> routes() {
            Map<String, Router.Route> routes = new LinkedHashMap<>();
            routes.putAll(DashboardEndpoint.routes());
            routes.put("/metrics", new Router.Route(new MetricsEndpoint(kmon::snapshot, kmon::seriesNames,
                    kmon.startMillis(), kmon.alerts(), kmon.health()), false));
            routes.put("/metrics/prometheus", new Router.Route(new PrometheusEndpoint(kmon::snapshot), false));
            routes.put("/metrics/series", new Router.Route(new SeriesEndpoint(kmon::series), false));
            routes.put("/health", new Router.Route(health(kmon.health()::check), false));
            routes.put("/health/live", new Router.Route(health(kmon.health()::checkLiveness), !protectLiveness));
            routes.put("/health/ready", new Router.Route(health(kmon.health()::checkReadiness), false));
            routes.put("/alerts", new Router.Route(new AlertsEndpoint(kmon.alerts()), false));
            routes.put("/errors", new Router.Route(new ErrorsEndpoint(kmon.errors()), false));
            return routes;
        }

        private HealthEndpoint health(java.util.function.Supplier<io.kmon.health.HealthReport> checks) {
            return new HealthEndpoint(new HealthCache(checks, healthCacheTime, System::nanoTime));
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
