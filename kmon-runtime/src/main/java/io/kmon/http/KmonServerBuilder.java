package io.kmon.http;

import com.sun.net.httpserver.HttpServer;
import io.kmon.Kmon;
import io.kmon.format.TimerExport;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures and starts a {@link KmonServer}: {@code KmonServer.builder(kmon)...start()}.
 */
public final class KmonServerBuilder {
    private static final System.Logger LOG = System.getLogger(KmonServer.class.getName());

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
    private boolean prometheusSummaries;
    private double[] histogramBuckets = TimerExport.defaultBoundariesSeconds();
    private final Map<String, String> explicit = new LinkedHashMap<>(); // JDK property -> value asked for

    KmonServerBuilder(Kmon kmon) {
        this.kmon = Objects.requireNonNull(kmon, "kmon");
    }

    /**
     * The address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface).
     *
     * @param address an IP address or host name
     * @return this builder
     */
    public KmonServerBuilder bindAddress(String address) {
        this.bindAddress = Objects.requireNonNull(address, "bindAddress");
        return this;
    }

    /**
     * The port, 0 to 65535 (default 0: a free port, see {@link KmonServer#port()}).
     *
     * @param port the port
     * @return this builder
     */
    public KmonServerBuilder port(int port) {
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
     *
     * @param threads the endpoints that run at once
     * @return this builder
     */
    public KmonServerBuilder threads(int threads) {
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
     *
     * @param max the open connections
     * @return this builder
     */
    public KmonServerBuilder maxConnections(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + max);
        }
        this.maxConnections = max;
        explicit.put(ServerLimits.MAX_CONNECTIONS, Integer.toString(max));
        return this;
    }

    /**
     * The time a client has to send its request line and headers (default 5 s), whole
     * seconds; a slower one is disconnected. Enforced by this server on its own threads.
     * Also sets the JDK's JVM-wide {@code sun.net.httpserver.maxReqTime} unless it is already
     * set, as a backstop (see {@link #writeTimeout} for how such properties apply).
     *
     * @param timeout the time, whole seconds
     * @return this builder
     */
    public KmonServerBuilder readTimeout(Duration timeout) {
        this.readTimeout = ServerLimits.wholeSeconds(timeout, "readTimeout");
        return this;
    }

    /**
     * The time a client has to take a whole response (default 30 s), whole seconds: the JDK's
     * {@code sun.net.httpserver.maxRspTime}, set unless it is already set. Like every
     * {@code sun.net.httpserver.*} property it is read once per JVM, by the first
     * {@code HttpServer} created, and applies to all of them: set it with {@code -D} to be sure.
     * When the value in effect is not this one, {@link #start} logs a WARNING and
     * {@link KmonServer#jdkLimits()} shows the value in effect.
     *
     * @param timeout the time, whole seconds
     * @return this builder
     */
    public KmonServerBuilder writeTimeout(Duration timeout) {
        this.writeTimeout = ServerLimits.wholeSeconds(timeout, "writeTimeout");
        explicit.put(ServerLimits.MAX_RSP_TIME, Long.toString(timeout.toSeconds()));
        return this;
    }

    /**
     * How long an idle connection stays open (default 30 s), whole seconds: the JDK's
     * {@code sun.net.httpserver.idleInterval}, with the caveats of {@link #writeTimeout}.
     *
     * @param timeout the time, whole seconds
     * @return this builder
     */
    public KmonServerBuilder idleTimeout(Duration timeout) {
        this.idleTimeout = ServerLimits.wholeSeconds(timeout, "idleTimeout");
        explicit.put(ServerLimits.IDLE_INTERVAL, Long.toString(timeout.toSeconds()));
        return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every endpoint except the dashboard's
     * files ({@code /}, {@code /dashboard.css}, {@code /dashboard.js}: static, without data;
     * the page asks for the token) and {@code /health/live}; null
     * for none (the default).
     *
     * @param token the token; null for none
     * @return this builder
     */
    public KmonServerBuilder bearerToken(String token) {
        this.bearerToken = token;
        return this;
    }

    /**
     * Whether {@code /health/live} needs the token too (default false: probes stay simple).
     * Without it, a request that lacks the token gets only {@code {"status":…}}.
     *
     * @param protect whether it needs the token
     * @return this builder
     */
    public KmonServerBuilder protectLiveness(boolean protect) {
        this.protectLiveness = protect;
        return this;
    }

    /**
     * Host names, besides the defaults, that requests may name in {@code Host} (no port).
     * By default only IP literals, {@code localhost} and names under {@code .localhost} are
     * answered, and any other Host gets 421: a defence against DNS rebinding, where a web page
     * points its own name at this address to read the answers. Add the names clients use for
     * a real bind address, e.g. {@code allowHosts("app-1.internal")}.
     *
     * @param names the host names
     * @return this builder
     */
    public KmonServerBuilder allowHosts(String... names) {
        for (String name : names) {
            allowedHosts.add(HostAllowlist.checkName(name));
        }
        return this;
    }

    /**
     * Whether bodies of 1 KiB or more are gzipped for clients that accept it (default true).
     *
     * @param gzip whether to gzip
     * @return this builder
     */
    public KmonServerBuilder gzip(boolean gzip) {
        this.gzip = gzip;
        return this;
    }

    /**
     * How long a health report is served again before the checks run anew (default 1 s; zero
     * runs them on every request). Concurrent requests always share one run.
     *
     * @param ttl the time; zero or more
     * @return this builder
     */
    public KmonServerBuilder healthCacheTime(Duration ttl) {
        Objects.requireNonNull(ttl, "healthCacheTime");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("healthCacheTime must not be negative: " + ttl);
        }
        this.healthCacheTime = ttl;
        return this;
    }

    /**
     * Whether {@code /metrics/prometheus} exposes timers as summaries of their sliding window
     * (quantiles 0.5, 0.95, 0.99) instead of histograms (default false: histograms, which
     * Prometheus can add up across instances; summaries cannot be).
     *
     * @param summaries true for summaries of the window
     * @return this builder
     */
    public KmonServerBuilder prometheusSummaries(boolean summaries) {
        this.prometheusSummaries = summaries;
        return this;
    }

    /**
     * The classic {@code le} boundaries of timer histograms, in seconds (default: powers of
     * two from 2^-14 s, 61 µs, to 16 s). Each moves to the nearest boundary of the timers'
     * bucket grid, 2^(k/16) s (at most 2.2% away), so every bucket count is exact; at most
     * 64. Native histograms (protobuf) always carry every bucket.
     *
     * @param seconds the boundaries, in seconds
     * @return this builder
     * @throws IllegalArgumentException when a boundary is not positive and finite, or more than 64
     */
    public KmonServerBuilder histogramBuckets(double... seconds) {
        Objects.requireNonNull(seconds, "histogramBuckets");
        TimerExport.histograms(seconds); // validates now, not at the first scrape
        this.histogramBuckets = seconds.clone();
        return this;
    }

    /**
     * Binds and starts the server.
     *
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound
     * @throws IllegalArgumentException when the bind address is not an address
     */
    public KmonServer start() {
        BearerAuth auth = bearerToken == null ? null : new BearerAuth(bearerToken);
        InetAddress host = Listener.address(bindAddress);
        Map<String, String> limits =
                ServerLimits.apply(System.getProperties(), readTimeout, writeTimeout, idleTimeout, maxConnections);
        ServerLimits.warnIfNotApplied(limits, explicit, LOG);
        HttpServer server = Listener.open(host, port, bindAddress);
        String name = "kmon-http-" + server.getAddress().getPort();
        ReadDeadline deadline = new ReadDeadline(readTimeout, name + "-deadline");
        Workers workers = new Workers(maxConnections, name, deadline);
        server.setExecutor(workers);
        Set<String> hosts = new LinkedHashSet<>(allowedHosts);
        hosts.add(bindAddress);
        server.createContext(
                "/",
                new Router(
                        Routes.of(
                                kmon,
                                protectLiveness,
                                healthCacheTime,
                                prometheusSummaries
                                        ? TimerExport.summaries()
                                        : TimerExport.histograms(histogramBuckets)),
                        auth,
                        new HostAllowlist(hosts),
                        gzip,
                        threads,
                        kmon::containedFailure));
        try {
            Routes.startAsDaemon(server);
        } catch (RuntimeException e) {
            deadline.close();
            workers.shutdown(0);
            throw e;
        }
        KmonServer started = new KmonServer(server, workers, deadline, limits);
        LOG.log(System.Logger.Level.DEBUG, () -> "kmon HTTP server on " + started.uri() + " with " + limits);
        return started;
    }
}
