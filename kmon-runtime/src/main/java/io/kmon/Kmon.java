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

    /** The process-wide instance, created on first use with the default configuration. */
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

    /** A new, isolated instance with the default configuration. */
    public static Kmon create() {
        return builder().build();
    }

    /** A builder for an isolated instance. */
    public static KmonBuilder builder() {
        return new KmonBuilder();
    }

    /**
     * The counter {@code name} with {@code tags}.
     *
     * @throws IllegalArgumentException for an invalid or reserved name, an invalid tag key, or uneven tags
     */
    public Counter counter(String name, String... tags) {
        return parts.metrics().counter(ReservedNames.check(MeterId.of(name, tags)));
    }

    /** The settable gauge {@code name} with {@code tags}; the same checks as {@link #counter}. */
    public Gauge gauge(String name, String... tags) {
        return parts.metrics().gauge(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * A gauge read from {@code supplier} at each export, strongly held. The supplier runs on a kmon
     * thread and is waited for at most {@code callbackTimeout} (100 ms): a late or hung supplier
     * reads as its last good value, and never holds the reader.
     */
    public FunctionGauge gauge(String name, Supplier<? extends Number> supplier, String... tags) {
        return parts.metrics().gauge(ReservedNames.check(MeterId.of(name, tags)), supplier);
    }

    /** The timer {@code name} with {@code tags}; the same checks as {@link #counter}. */
    public Timer timer(String name, String... tags) {
        return parts.metrics().timer(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * For generated code, which calls it when it wraps a delegate: the component {@code name},
     * whose methods record {@code <prefix>.*} metrics. Not API.
     *
     * @throws IllegalArgumentException when the name is reused with another prefix, or the
     *     prefix is not a valid metric name or is reserved
     */
    public ComponentMonitor component(String name, String prefix) {
        return parts.components().component(name, prefix);
    }

    /** The monitored components (up to {@code maxComponents}), by name; their figures are in {@link #snapshot()}. */
    public List<ComponentMonitor> components() {
        return parts.components().list();
    }

    /** An immutable snapshot of every series and every monitored method now. */
    public MetricsSnapshot snapshot() {
        return parts.snapshot();
    }

    /** Recent points of metric {@code name} at or after {@code sinceMillis}, oldest first. */
    public List<Point> series(String name, long sinceMillis) {
        return parts.series().points(name, sinceMillis);
    }

    /** Names that have recent points. */
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

    /** The alert engine: listeners ({@code addListener}), history, rules. */
    public AlertEngine alerts() {
        return parts.alerts();
    }

    /** The health checks and their reports. */
    public HealthRegistry health() {
        return parts.health();
    }

    /** Failures grouped by component, method and exception type. */
    public ErrorAggregator errors() {
        return parts.errors();
    }

    /** The system, process and JVM samplers; empty when built with {@code systemMetrics(false)}. */
    public Optional<SystemMetrics> system() {
        return Optional.ofNullable(parts.system());
    }

    /**
     * Raises an alert now: logged, kept in the history, handed to the listeners (on this
     * thread). Alerts raised this way are never suppressed by a cooldown.
     *
     * @param details facts to attach; may be empty, not null-keyed
     */
    public Alert alert(AlertLevel level, String message, String component, Map<String, ?> details) {
        return parts.alerts().raise(level, message, component, details);
    }

    /** Records a failure that did not come from a monitored call (a background job, say) in the error groups. */
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

    /** The registry behind the facade, for exporters and advanced registration. */
    public MeterRegistry metrics() {
        return parts.metrics();
    }

    /** When this instance started, in epoch milliseconds of its clock. */
    public long startMillis() {
        return parts.startMillis();
    }

    /** Failures inside kmon itself (a throwing hook, listener, rule, sampler or log backend) that were contained. */
    public long internalFailures() {
        return parts.failures().total();
    }

    /** {@link #internalFailures()} by source ({@code listener}, {@code rule:<name>}, {@code read:<name>}, ...). */
    public Map<String, Long> internalFailureCounts() {
        return parts.failures().counts();
    }

    /** Counts a failure kmon contained outside a monitored call (an endpoint's) under {@code source}; never throws. */
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
