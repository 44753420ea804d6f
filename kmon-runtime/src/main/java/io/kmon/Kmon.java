package io.kmon;

import io.kmon.alert.Alert;
import io.kmon.alert.AlertEngine;
import io.kmon.annotations.AlertLevel;
import io.kmon.errors.ErrorAggregator;
import io.kmon.health.HealthRegistry;
import io.kmon.internal.ComponentMonitor;
import io.kmon.internal.KmonConfig;
import io.kmon.internal.Wiring;
import io.kmon.metrics.Counter;
import io.kmon.metrics.FunctionGauge;
import io.kmon.metrics.Gauge;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.Point;
import io.kmon.metrics.ReservedNames;
import io.kmon.metrics.SafeValues;
import io.kmon.metrics.Timer;
import io.kmon.system.SystemMetrics;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The entry point: one instance holds every metric, the alert engine, the health registry and
 * the background thread that samples them.
 *
 * <pre>{@code
 * Kmon kmon = Kmon.global();                        // process-wide
 * kmon.counter("user.login").increment();
 * kmon.gauge("sessions.active", sessions::size);
 * try (var t = kmon.timer("db.query", "table", "users").start()) { ... }
 * kmon.alert(AlertLevel.WARNING, "High memory usage", "system", Map.of());
 * kmon.health().register("db", () -> HealthResult.healthy(Map.of("pool", 4)));
 * kmon.alerts().addListener(alert -> pager.page(alert));
 * }</pre>
 *
 * <p>What an instance runs on its one background thread ({@code kmon-background}): series
 * and system sampling every {@code sampleInterval} (10 s), the alert rules every
 * {@code ruleInterval} (60 s), and the delivery of alerts raised on monitored calls' paths.
 * Health checks run on threads of their own ({@code kmon-health-N}) when someone asks, gauge
 * suppliers on {@code kmon-callback-N}. With {@code backgroundThread(false)} nothing runs by
 * itself: call {@link #sampleNow()} and {@link #checkAlertsNow()}.
 *
 * <p>Tags are alternating keys and values; kmon's own names ({@link ReservedNames}) are refused.
 * Every registration returns the same handle for the same name and tags: resolve it once and
 * keep it. {@link #create()} and {@link #builder()} make isolated instances (tests, several
 * apps in one JVM); {@link #close()} stops what an instance started.
 */
public final class Kmon implements AutoCloseable {
    private static final Object GLOBAL_LOCK = new Object();
    private static volatile Kmon global;

    private final Wiring parts;

    Kmon(KmonConfig config) {
        this.parts = new Wiring(config);
    }

    /** {@return the process-wide instance} It is created on first use with the default configuration. */
    public static Kmon global() {
        Kmon k = global;
        if (k == null) {
            synchronized (GLOBAL_LOCK) {
                k = global;
                if (k == null) {
                    global = k = create();
                }
            }
        }
        return k;
    }

    /** {@return a new, isolated instance with the default configuration} */
    public static Kmon create() {
        return builder().build();
    }

    /** {@return a builder for an isolated instance} */
    public static KmonBuilder builder() {
        return new KmonBuilder();
    }

    /**
     * The counter {@code name} with {@code tags} (alternating keys and values).
     * @param name the dotted metric name
     * @param tags tag keys and values, alternating
     * @return the counter; the same one for the same name and tags
     * @throws IllegalArgumentException for an invalid or reserved name ({@link ReservedNames})
     *     or tag key, or uneven tags
     */
    public Counter counter(String name, String... tags) {
        return parts.metrics().counter(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * The settable gauge {@code name} with {@code tags}; the same checks as {@link #counter}.
     * @param name the dotted metric name
     * @param tags tag keys and values, alternating
     * @return the gauge; the same one for the same name and tags
     */
    public Gauge gauge(String name, String... tags) {
        return parts.metrics().gauge(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * A gauge read from {@code supplier} at each export; kmon keeps a strong reference to it. The
     * supplier runs on a kmon thread and is waited for at most {@code callbackTimeout} (100 ms):
     * a late or hung supplier reads as its last good value, and never holds the reader.
     * @param name the dotted metric name
     * @param supplier reads the value
     * @param tags tag keys and values, alternating
     * @return the gauge
     */
    public FunctionGauge gauge(String name, Supplier<? extends Number> supplier, String... tags) {
        return parts.metrics().gauge(ReservedNames.check(MeterId.of(name, tags)), supplier);
    }

    /**
     * The timer {@code name} with {@code tags}; the same checks as {@link #counter}.
     * @param name the dotted metric name
     * @param tags tag keys and values, alternating
     * @return the timer; the same one for the same name and tags
     */
    public Timer timer(String name, String... tags) {
        return parts.metrics().timer(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * The component {@code name}, whose methods record {@code <prefix>.*} metrics. Generated
     * code calls this when it wraps a delegate; the same name returns the same component.
     *
     * <p>Beyond {@code maxComponents} components, a new one still records its metrics but is
     * not listed, has no health check and is counted in {@value io.kmon.metrics.MetricNames#COMPONENTS_REFUSED}.
     * @param name the component name (tag {@code component})
     * @param prefix the first part of its metric names
     * @return the component
     * @throws IllegalArgumentException when the name is reused with another prefix, or the
     *     prefix is not a valid metric name or is reserved
     */
    public ComponentMonitor component(String name, String prefix) {
        return parts.components().component(name, prefix);
    }

    /** {@return the monitored components, by name} */
    public List<ComponentMonitor> components() {
        return parts.components().list();
    }

    /** {@return an immutable snapshot of every metric now} */
    public MetricsSnapshot snapshot() {
        return parts.snapshot();
    }

    /**
     * {@return recent points of metric {@code name} at or after {@code sinceMillis}, oldest first}
     * @param name the metric name
     * @param sinceMillis the earliest time wanted, epoch milliseconds of kmon's clock
     */
    public List<Point> series(String name, long sinceMillis) {
        return parts.series().points(name, sinceMillis);
    }

    /** {@return the names that have recent points} */
    public Set<String> seriesNames() {
        return parts.series().names();
    }

    /**
     * Runs the background sampling once, now (system metrics, the components' health readings,
     * a point per series, pending call-path alerts); for tests with a fake clock.
     */
    public void sampleNow() {
        parts.sampleNow();
    }

    /** Runs the alert loop once, now (pending call-path alerts, then every rule); for tests with a fake clock. */
    public void checkAlertsNow() {
        parts.checkAlertsNow();
    }

    /** {@return the alert engine: listeners ({@code onAlert}), history, rules} */
    public AlertEngine alerts() {
        return parts.alerts();
    }

    /** {@return the health checks and their reports} */
    public HealthRegistry health() {
        return parts.health();
    }

    /** {@return the failures, grouped by component, method and exception type} */
    public ErrorAggregator errors() {
        return parts.errors();
    }

    /** {@return the system, process and JVM samplers; empty when built with {@code systemMetrics(false)}} */
    public Optional<SystemMetrics> system() {
        return Optional.ofNullable(parts.system());
    }

    /**
     * Raises an alert now: logged, kept in the history, handed to the listeners (on this
     * thread). Alerts raised this way are never suppressed by a cooldown.
     * @param level the alert's level
     * @param message what happened
     * @param component what it is about
     * @param details facts to attach; may be empty, not null-keyed
     * @return the alert
     */
    public Alert alert(AlertLevel level, String message, String component, Map<String, ?> details) {
        return parts.alerts().raise(level, message, component, details);
    }

    /**
     * Records a failure that did not come from a monitored call (a background job, a caught
     * exception worth tracking) in the error aggregator.
     * @param component what failed
     * @param error what it threw
     */
    public void recordError(String component, Throwable error) {
        Objects.requireNonNull(component, "component");
        parts.errors().record(SafeValues.text(component, SafeValues.MAX_STRING_BYTES), null, error);
    }

    /**
     * Counts {@code java.util.logging} records as {@code log.events{level}} and feeds SEVERE
     * records with a throwable into the error groups, until {@link #close()}; once.
     */
    public void captureJulLogs() {
        parts.captureJulLogs();
    }

    /** {@return the registry behind the facade} For exporters and advanced registration. */
    public MeterRegistry metrics() {
        return parts.metrics();
    }

    /** {@return when this instance started, in epoch milliseconds of its clock} */
    public long startMillis() {
        return parts.startMillis();
    }

    /**
     * {@return the failures inside kmon itself that were contained} A throwing hook, listener,
     * rule, sampler or log backend.
     */
    public long internalFailures() {
        return parts.failures().total();
    }

    /**
     * {@return {@link #internalFailures()} by source} Sources are {@code listener},
     * {@code rule:<name>}, {@code sampler:<name>}, {@code read:<name>}, ...
     */
    public Map<String, Long> internalFailureCounts() {
        return parts.failures().counts();
    }

    /**
     * Counts a failure that kmon contained outside a monitored call, under {@code source}, as
     * {@link io.kmon.metrics.MetricNames#INTERNAL_FAILURES}, and logs the first of each source. For kmon's own exporters
     * (an endpoint that failed answers 500 and reports it here); never throws.
     * @param source the part of kmon that failed
     * @param error what it threw
     */
    public void containedFailure(String source, Throwable error) {
        parts.failures().record(Objects.requireNonNull(source, "source"), error);
    }

    /** Call-path alerts waiting for the background thread (for tests). */
    int pendingCallAlerts() {
        return parts.pendingCallAlerts();
    }

    /**
     * Stops every thread this instance started, removes its GC listeners and its log handler.
     * Metrics stay readable; monitored calls go on working. Closing twice does nothing.
     */
    @Override
    public void close() {
        parts.close();
        synchronized (GLOBAL_LOCK) {
            if (global == this) {
                global = null;
            }
        }
    }
}
