package io.kmon;

import io.kmon.alert.Alert;
import io.kmon.alert.AlertEngine;
import io.kmon.alert.CardinalityRule;
import io.kmon.alert.ComponentFailuresRule;
import io.kmon.alert.FailedCallsRule;
import io.kmon.alert.MemoryRule;
import io.kmon.annotations.AlertLevel;
import io.kmon.errors.ErrorAggregator;
import io.kmon.errors.InternalFailures;
import io.kmon.errors.JulCapture;
import io.kmon.health.ComponentCheck;
import io.kmon.health.DefaultChecks;
import io.kmon.health.HealthRegistry;
import io.kmon.metrics.CallbackReader;
import io.kmon.metrics.Clock;
import io.kmon.metrics.Counter;
import io.kmon.metrics.FunctionGauge;
import io.kmon.metrics.Gauge;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.Point;
import io.kmon.metrics.ReservedNames;
import io.kmon.metrics.SafeValues;
import io.kmon.metrics.SeriesStore;
import io.kmon.metrics.Timer;
import io.kmon.system.MemoryReading;
import io.kmon.system.SystemMetrics;
import io.kmon.system.SystemProbes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
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
 * kmon.alerts().onAlert(alert -> pager.page(alert));
 * }</pre>
 *
 * <p>What an instance runs on its one background thread ({@code kmon-background}): series
 * and system sampling every {@code sampleInterval} (10 s), the alert rules every
 * {@code ruleInterval} (60 s), and the delivery of alerts raised on monitored calls' paths.
 * Health checks run on threads of their own ({@code kmon-health-N}) when someone asks, gauge
 * suppliers on {@code kmon-callback-N} (see {@link CallbackReader}).
 * With {@code backgroundThread(false)} nothing runs by itself: call {@link #sampleNow()} and
 * {@link #checkAlertsNow()}.
 *
 * <p>Tags are alternating keys and values. Every registration returns the same handle for the
 * same name and tags: resolve it once and keep it. {@link #create()} and {@link #builder()}
 * make isolated instances (tests, several apps in one JVM); {@link #close()} stops what an
 * instance started.
 */
public final class Kmon implements AutoCloseable {
    /** Counter of every failed monitored call, untagged. */
    public static final String ERRORS_COUNT = "errors.count";
    /** Counter of failures inside kmon that were contained, tagged {@code source}. */
    public static final String INTERNAL_FAILURES = "monitoring.internal_failures";
    /** Counter of registrations folded into overflow series by the cardinality cap, over all names. */
    public static final String SERIES_FOLDED = "monitoring.series.folded";
    /** Counter of registrations of new metric names refused by {@code maxMetricNames}. */
    public static final String METRIC_NAMES_REFUSED = "monitoring.metric_names.refused";
    /** Counter of components left unlisted and unchecked by {@code maxComponents}. */
    public static final String COMPONENTS_REFUSED = "monitoring.components.refused";
    /** The window of a component's readiness check. */
    public static final Duration COMPONENT_WINDOW = Duration.ofMinutes(5);

    private static final Object GLOBAL_LOCK = new Object();
    private static volatile Kmon global;

    private final KmonConfig config;
    private final long startMillis;
    private final MeterRegistry metrics;
    private final SeriesStore series;
    private final Background background;
    private final ConcurrentHashMap<String, ComponentMonitor> components = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ComponentCheck> componentChecks = new CopyOnWriteArrayList<>();
    private final InternalFailures failures;
    private final AlertEngine alerts;
    private final HealthRegistry health;
    private final ErrorAggregator errors;
    private final SystemMetrics system;
    private final CallAlerts callAlerts;
    private final Runnable drainCallAlerts = this::drainCallAlerts;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder componentsRefused = new LongAdder();
    private JulCapture julCapture; // guarded by this

    Kmon(KmonConfig config) {
        this.config = config;
        Clock clock = config.clock();
        this.startMillis = clock.millis();
        this.metrics = new MeterRegistry(clock, config.window().toMillis(), config.maxSeriesPerName(),
                config.maxMetricNames(), this::readFailed, new CallbackReader(config.callbackTimeout(),
                        CallbackReader.DEFAULT_MAX_THREADS));
        this.series = new SeriesStore(config.seriesCapacity(), config.maxSeriesNames());
        this.failures = new InternalFailures(config.logger(), (source, count) ->
                metrics.ownCounter(MeterId.of(INTERNAL_FAILURES, "source", source), count::sum));
        this.background = new Background(e -> failures.record("background", e));
        this.alerts = new AlertEngine(clock, config.alertCooldown(), config.alertHistorySize(), config.logger(), failures);
        this.errors = new ErrorAggregator(clock, config.maxErrorGroups());
        this.health = new HealthRegistry(clock, startMillis, config.healthTimeout(), config.maxHealthChecks());
        this.system = config.systemMetrics() ? new SystemMetrics(metrics, failures) : null;
        this.callAlerts = new CallAlerts(config.backgroundThread() ? () -> background.submit(drainCallAlerts) : () -> {});

        Duration hour = Duration.ofHours(1);
        alerts.addRule(new FailedCallsRule(ERRORS_COUNT, config.failedCallsThreshold(), hour, startMillis));
        alerts.addRule(new ComponentFailuresRule(config.componentFailuresThreshold(), hour, startMillis));
        alerts.addRule(new MemoryRule());
        alerts.addRule(new CardinalityRule(config.maxSeriesPerName(), config.alertCooldown(), METRIC_NAMES_REFUSED,
                config.maxMetricNames()));

        Supplier<MemoryReading> memory = system != null ? system::memory : SystemProbes.jdk()::memory;
        // kmon's own checks are the liveness report. Uptime and recent errors read kmon's memory
        // and run inline; memory asks the OS (and may load OSHI first), so it runs with a timeout.
        Set<HealthRegistry.Probe> both = EnumSet.allOf(HealthRegistry.Probe.class);
        health.registerInlineIfAbsent(DefaultChecks.UPTIME, DefaultChecks.uptime(clock, startMillis), both);
        health.register(DefaultChecks.MEMORY, DefaultChecks.memory(memory), both, false);
        health.registerInlineIfAbsent(DefaultChecks.RECENT_ERRORS, DefaultChecks.recentErrors(alerts, clock), both);

        registerOwnMetrics();
        if (config.backgroundThread()) {
            background.submit(this::sampleNow); // loads OSHI off the caller's thread, right away
            background.every(config.sampleInterval(), this::sampleNow);
            background.every(config.ruleInterval(), this::checkAlertsNow);
        }
    }

    /** kmon's own figures: alerts, error groups, folded series. */
    private void registerOwnMetrics() {
        for (AlertLevel level : AlertLevel.values()) {
            metrics.ownCounter(MeterId.of("monitoring.alerts", "level", level.name().toLowerCase(Locale.ROOT)),
                    () -> alerts.total(level));
        }
        metrics.ownCounter(MeterId.of("monitoring.alerts.suppressed"), alerts::suppressed);
        metrics.ownCounter(MeterId.of("monitoring.alerts.dropped"), callAlerts::dropped);
        metrics.ownGauge(MeterId.of("monitoring.errors.groups"), errors::size);
        metrics.ownCounter(MeterId.of("monitoring.errors.evicted"), errors::evicted);
        metrics.ownCounter(MeterId.of(METRIC_NAMES_REFUSED), metrics::refusedNames);
        metrics.ownCounter(MeterId.of(COMPONENTS_REFUSED), componentsRefused::sum);
        metrics.ownCounter(MeterId.of(SERIES_FOLDED),
                () -> metrics.folded().values().stream().mapToLong(Long::longValue).sum());
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
     *
     * @param name the dotted metric name
     * @param tags tag keys and values, alternating
     * @return the counter; the same one for the same name and tags
     * @throws IllegalArgumentException for an invalid or reserved name ({@link ReservedNames})
     *     or tag key, or uneven tags
     */
    public Counter counter(String name, String... tags) {
        return metrics.counter(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * The settable gauge {@code name} with {@code tags}; the same checks as {@link #counter}.
     *
     * @param name the dotted metric name
     * @param tags tag keys and values, alternating
     * @return the gauge; the same one for the same name and tags
     */
    public Gauge gauge(String name, String... tags) {
        return metrics.gauge(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * A gauge read from {@code supplier} at each export; kmon keeps a strong reference to it. The
     * supplier runs on a kmon thread and is waited for at most {@code callbackTimeout} (100 ms):
     * a late or hung supplier reads as its last good value, and never holds the reader.
     *
     * @param name the dotted metric name
     * @param supplier reads the value
     * @param tags tag keys and values, alternating
     * @return the gauge
     */
    public FunctionGauge gauge(String name, Supplier<? extends Number> supplier, String... tags) {
        return metrics.gauge(ReservedNames.check(MeterId.of(name, tags)), supplier);
    }

    /**
     * The timer {@code name} with {@code tags}; the same checks as {@link #counter}.
     *
     * @param name the dotted metric name
     * @param tags tag keys and values, alternating
     * @return the timer; the same one for the same name and tags
     */
    public Timer timer(String name, String... tags) {
        return metrics.timer(ReservedNames.check(MeterId.of(name, tags)));
    }

    /**
     * The component {@code name}, whose methods record {@code <prefix>.*} metrics. Generated
     * code calls this when it wraps a delegate; the same name returns the same component.
     *
     * <p>Beyond {@code maxComponents} components, a new one still records its metrics but is
     * not listed, has no health check and is counted in {@value #COMPONENTS_REFUSED}.
     *
     * @param name the component name (tag {@code component})
     * @param prefix the first part of its metric names
     * @return the component
     * @throws IllegalArgumentException when the name is reused with another prefix, or the
     *     prefix is not a valid metric name or is reserved
     */
    public ComponentMonitor component(String name, String prefix) {
        Objects.requireNonNull(name, "name");
        ReservedNames.check(MeterId.of(prefix + ".calls", "component", name)); // validates both now
        ComponentMonitor existing = components.get(name);
        if (existing == null && components.size() >= config.maxComponents()) {
            componentsRefused.increment();
            return new ComponentMonitor(this, name, prefix);
        }
        boolean[] created = {false};
        ComponentMonitor component = existing != null ? existing : components.computeIfAbsent(name, n -> {
            created[0] = true;
            return new ComponentMonitor(this, n, prefix);
        });
        if (!component.prefix().equals(prefix)) {
            throw new IllegalArgumentException("component '" + name + "' already uses prefix '"
                    + component.prefix() + "', not '" + prefix + "'");
        }
        if (created[0]) {
            ComponentCheck check = new ComponentCheck(name, component::calls, component::errors, config.clock(),
                    COMPONENT_WINDOW, config.componentFailureRatio());
            componentChecks.add(check);
            // A check the user registered under this name first wins.
            health.registerInlineIfAbsent(name, check, EnumSet.of(HealthRegistry.Probe.READINESS));
        }
        return component;
    }

    /** {@return the monitored components, by name} */
    public List<ComponentMonitor> components() {
        return components.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    /** {@return an immutable snapshot of every metric now} */
    public MetricsSnapshot snapshot() {
        return metrics.snapshot();
    }

    /**
     * {@return recent points of metric {@code name} at or after {@code sinceMillis}, oldest first}
     *
     * @param name the metric name
     * @param sinceMillis the earliest time wanted, epoch milliseconds of kmon's clock
     */
    public List<Point> series(String name, long sinceMillis) {
        return series.points(name, sinceMillis);
    }

    /** {@return the names that have recent points} */
    public Set<String> seriesNames() {
        return series.names();
    }

    /**
     * Runs the background sampling once, now: system metrics (when enabled), the components'
     * readings for their health checks, a point per series, and the delivery of pending
     * call-path alerts. The background thread does this every {@code sampleInterval}; tests
     * with a fake clock call it directly.
     */
    public void sampleNow() {
        if (system != null) {
            system.sampleNow();
        }
        for (ComponentCheck check : componentChecks) {
            check.tick();
        }
        series.sample(metrics.snapshot());
        drainCallAlerts();
    }

    /**
     * Runs the alert loop once, now: delivers pending call-path alerts, then evaluates every
     * rule over a fresh snapshot. The background thread does this every {@code ruleInterval};
     * tests with a fake clock call it directly.
     */
    public void checkAlertsNow() {
        drainCallAlerts();
        alerts.evaluate(metrics.snapshot());
    }

    private void drainCallAlerts() {
        callAlerts.drain(alerts, failures);
    }

    /** {@return the alert engine: listeners ({@code onAlert}), history, rules} */
    public AlertEngine alerts() {
        return alerts;
    }

    /** {@return the health checks and their reports} */
    public HealthRegistry health() {
        return health;
    }

    /** {@return the failures, grouped by component, method and exception type} */
    public ErrorAggregator errors() {
        return errors;
    }

    /** {@return the system, process and JVM samplers; empty when built with {@code systemMetrics(false)}} */
    public Optional<SystemMetrics> system() {
        return Optional.ofNullable(system);
    }

    /**
     * Raises an alert now: logged, kept in the history, handed to the listeners (on this
     * thread). Alerts raised this way are never suppressed by a cooldown.
     *
     * @param level the severity
     * @param message what happened, for people
     * @param component what it concerns
     * @param details facts to attach; may be empty, not null-keyed
     * @return the alert
     */
    public Alert alert(AlertLevel level, String message, String component, Map<String, ?> details) {
        return alerts.raise(level, message, component, details);
    }

    /**
     * Records a failure that did not come from a monitored call (a background job, a caught
     * exception worth tracking) in the error aggregator.
     *
     * @param component what failed
     * @param error what it threw
     */
    public void recordError(String component, Throwable error) {
        Objects.requireNonNull(component, "component");
        errors.record(SafeValues.text(component, SafeValues.MAX_STRING_BYTES), null, error);
    }

    /**
     * Counts {@code java.util.logging} records as {@code log.events{level}} and feeds SEVERE
     * records with a throwable into the error aggregator, from now until {@link #close()}.
     * Calling it again does nothing.
     */
    public synchronized void captureJulLogs() {
        if (julCapture == null && !closed.get()) {
            julCapture = new JulCapture(metrics, errors, failures);
            julCapture.install();
        }
    }

    /** {@return the registry behind the facade} For exporters and advanced registration. */
    public MeterRegistry metrics() {
        return metrics;
    }

    /** {@return the configuration this instance was built with} */
    public KmonConfig config() {
        return config;
    }

    /** {@return when this instance started, in epoch milliseconds of its clock} */
    public long startMillis() {
        return startMillis;
    }

    /**
     * {@return the failures inside kmon itself that were contained} A throwing hook, listener,
     * rule, sampler or log backend.
     */
    public long internalFailures() {
        return failures.total();
    }

    /**
     * {@return {@link #internalFailures()} by source} Sources are {@code listener},
     * {@code rule:<name>}, {@code sampler:<name>}, {@code read:<name>}, ...
     */
    public Map<String, Long> internalFailureCounts() {
        return failures.counts();
    }

    /** A function gauge or counter failed a read: counted and logged once per metric name, like any hook. */
    private void readFailed(MeterId id, Throwable error) {
        failures.record("read:" + id.name(), error);
    }

    /**
     * Counts a failure that kmon contained outside a monitored call, under {@code source}, as
     * {@link #INTERNAL_FAILURES}, and logs the first of each source. For kmon's own exporters
     * (an endpoint that failed answers 500 and reports it here); never throws.
     *
     * @param source the part of kmon that failed
     * @param error what it threw
     */
    public void containedFailure(String source, Throwable error) {
        failures.record(Objects.requireNonNull(source, "source"), error);
    }

    void internalFailure(Throwable error) {
        failures.record("call_hook", error);
    }

    /**
     * A monitored call took longer than its {@code @SlowAlert} threshold. On the caller's
     * thread: enqueues, never logs, never throws.
     */
    void slowCall(MethodMonitor method, long nanos) {
        try {
            callAlerts.slow(method, nanos, config.clock().millis());
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e); // success() has no guard of its own: the hot path stays lean
        }
    }

    /**
     * A monitored call failed: counted in its error group, and handed to the background for an
     * ERROR alert when {@code alert} (the type matches the method's {@code @AlertOn}). On the
     * caller's thread: no lock, no logging; the caller catches what this throws.
     */
    void failedCall(MethodMonitor method, Throwable error, boolean alert) {
        errors.record(method.component().name(), method.method(), error);
        if (alert) {
            callAlerts.failed(method, error, config.clock().millis());
        }
    }

    /** Call-path alerts waiting for the background thread (for tests). */
    int pendingCallAlerts() {
        return callAlerts.pending();
    }

    /**
     * Stops every thread this instance started (the background thread, the health pool),
     * removes its GC listeners and its log handler. Metrics stay readable; monitored calls go
     * on working. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        background.close();
        health.close();
        metrics.callbacks().close();
        if (system != null) {
            system.close();
        }
        synchronized (this) {
            if (julCapture != null) {
                julCapture.uninstall();
            }
        }
        synchronized (GLOBAL_LOCK) {
            if (global == this) {
                global = null;
            }
        }
    }
}
