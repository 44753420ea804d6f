package io.kmon.internal;

import io.kmon.alert.AlertEngine;
import io.kmon.alert.CardinalityRule;
import io.kmon.alert.ComponentFailuresRule;
import io.kmon.alert.FailedCallsRule;
import io.kmon.alert.MemoryRule;
import io.kmon.annotations.AlertLevel;
import io.kmon.annotations.BuiltInAlerts;
import io.kmon.errors.ErrorAggregator;
import io.kmon.errors.JulCapture;
import io.kmon.health.DefaultChecks;
import io.kmon.health.HealthRegistry;
import io.kmon.metrics.CallbackReader;
import io.kmon.metrics.Clock;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.SeriesStore;
import io.kmon.system.MemoryReading;
import io.kmon.system.SystemMetrics;
import io.kmon.system.SystemProbes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts of one {@code Kmon}, built from its settings and wired to each other, and the work
 * its background thread runs on them. {@code Kmon} is the facade over this. Not API.
 */
public final class Wiring implements AutoCloseable {
    /** The source under which failures of the background thread's tasks are counted. */
    static final String BACKGROUND = "background";

    private final KmonConfig config;
    private final long startMillis;
    private final MeterRegistry metrics;
    private final SeriesStore series;
    private final InternalFailures failures;
    private final Background background;
    private final AlertEngine alerts;
    private final ErrorAggregator errors;
    private final HealthRegistry health;
    private final SystemMetrics system;
    private final CallAlerts callAlerts;
    private final Components components;
    private final Runnable drainCallAlerts = this::drainCallAlerts;
    private JulCapture julCapture; // guarded by this
    private boolean closed; // guarded by this

    /**
     * Builds every part; starts the background thread when the settings ask for it.
     *
     * @param config the settings
     */
    public Wiring(KmonConfig config) {
        this.config = config;
        Clock clock = config.clock();
        this.startMillis = clock.millis();
        this.metrics = new MeterRegistry(
                clock,
                config.window().toMillis(),
                config.maxSeriesPerName(),
                config.maxMetricNames(),
                this::readFailed,
                new CallbackReader(config.callbackTimeout(), CallbackReader.DEFAULT_MAX_THREADS));
        this.series = new SeriesStore(config.seriesCapacity(), config.maxSeriesNames());
        this.failures = new InternalFailures(
                config.logger(),
                (source, count) -> metrics.ownCounter(
                        MeterId.of(MetricNames.INTERNAL_FAILURES, MetricNames.SOURCE, source), count::sum));
        this.background = new Background(e -> failures.record(BACKGROUND, e));
        this.alerts =
                new AlertEngine(clock, config.alertCooldown(), config.alertHistorySize(), config.logger(), failures);
        this.errors = new ErrorAggregator(clock, config.maxErrorGroups());
        this.health = new HealthRegistry(clock, startMillis, config.healthTimeout(), config.maxHealthChecks());
        this.system = config.systemMetrics() ? new SystemMetrics(metrics, failures) : null;
        this.callAlerts =
                new CallAlerts(config.backgroundThread() ? () -> background.submit(drainCallAlerts) : () -> {});
        this.components = new Components(
                metrics,
                new CallReporter(errors, callAlerts, failures, clock),
                health,
                clock,
                config.maxComponents(),
                config.componentFailureRatio());
        addBuiltInRules();
        addBuiltInChecks();
        registerOwnMetrics();
        if (config.backgroundThread()) {
            background.submit(this::sampleNow); // loads OSHI off the caller's thread, right away
            background.every(config.sampleInterval(), this::sampleNow);
            background.every(config.ruleInterval(), this::checkAlertsNow);
        }
    }

    /** A gauge supplier or function counter failed a read: counted, and logged once per name. */
    private void readFailed(MeterId id, Throwable error) {
        failures.record("read:" + id.name(), error);
    }

    private void addBuiltInRules() {
        Duration hour = Duration.ofHours(1);
        alerts.addRule(new FailedCallsRule(MetricNames.ERRORS_COUNT, config.failedCallsThreshold(), hour, startMillis));
        alerts.addRule(new ComponentFailuresRule(
                config.componentFailuresThreshold(),
                Duration.ofSeconds(BuiltInAlerts.COMPONENT_FAILURES_WINDOW_SECONDS),
                startMillis));
        alerts.addRule(new MemoryRule());
        alerts.addRule(new CardinalityRule(
                config.maxSeriesPerName(),
                config.alertCooldown(),
                MetricNames.METRIC_NAMES_REFUSED,
                config.maxMetricNames()));
    }

    /**
     * kmon's own checks are the liveness report. Uptime and recent errors read kmon's memory and
     * run inline; memory asks the OS (and may load OSHI first), so it runs with a timeout.
     */
    private void addBuiltInChecks() {
        Supplier<MemoryReading> memory = system != null ? system::memory : SystemProbes.jdk()::memory;
        Set<HealthRegistry.Probe> both = EnumSet.allOf(HealthRegistry.Probe.class);
        health.registerInlineIfAbsent(DefaultChecks.UPTIME, DefaultChecks.uptime(config.clock(), startMillis), both);
        health.register(DefaultChecks.MEMORY, DefaultChecks.memory(memory), both, false);
        health.registerInlineIfAbsent(
                DefaultChecks.RECENT_ERRORS, DefaultChecks.recentErrors(alerts, config.clock()), both);
    }

    /** kmon's own figures: alerts, error groups, refused names, folded series. */
    private void registerOwnMetrics() {
        for (AlertLevel level : AlertLevel.values()) {
            metrics.ownCounter(
                    MeterId.of(
                            MetricNames.ALERTS, MetricNames.LEVEL, level.name().toLowerCase(Locale.ROOT)),
                    () -> alerts.total(level));
        }
        metrics.ownCounter(MeterId.of(MetricNames.ALERTS_SUPPRESSED), alerts::suppressed);
        metrics.ownCounter(MeterId.of(MetricNames.ALERTS_DROPPED), callAlerts::dropped);
        metrics.ownGauge(MeterId.of(MetricNames.ERROR_GROUPS), errors::size);
        metrics.ownCounter(MeterId.of(MetricNames.ERROR_GROUPS_EVICTED), errors::evicted);
        metrics.ownCounter(MeterId.of(MetricNames.METRIC_NAMES_REFUSED), metrics::refusedNames);
        metrics.ownCounter(
                MeterId.of(MetricNames.SERIES_FOLDED),
                () -> metrics.folded().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    /** {@return every series and every monitored method now} */
    public MetricsSnapshot snapshot() {
        return components.snapshot(metrics.snapshot());
    }

    /**
     * System metrics (when enabled), the components' readings for their checks, a point per
     * series, then the pending call-path alerts.
     */
    public void sampleNow() {
        if (system != null) {
            system.sampleNow();
        }
        components.tick();
        series.sample(metrics.snapshot());
        drainCallAlerts();
    }

    /** The pending call-path alerts, then every rule over a fresh snapshot. */
    public void checkAlertsNow() {
        drainCallAlerts();
        alerts.evaluate(snapshot());
    }

    private void drainCallAlerts() {
        callAlerts.drain(alerts, failures);
    }

    /** Starts counting {@code java.util.logging} records; once, and not after close. */
    public synchronized void captureJulLogs() {
        if (julCapture == null && !closed) {
            julCapture = new JulCapture(metrics, errors, failures);
            julCapture.install();
        }
    }

    /** {@return call-path alerts waiting for the background thread} */
    public int pendingCallAlerts() {
        return callAlerts.pending();
    }

    /** {@return when the instance started, in epoch milliseconds of its clock} */
    public long startMillis() {
        return startMillis;
    }

    /** {@return the clock} */
    public Clock clock() {
        return config.clock();
    }

    /** {@return every series} */
    public MeterRegistry metrics() {
        return metrics;
    }

    /** {@return recent points per series name} */
    public SeriesStore series() {
        return series;
    }

    /** {@return kmon's contained failures} */
    public InternalFailures failures() {
        return failures;
    }

    /** {@return the alert engine} */
    public AlertEngine alerts() {
        return alerts;
    }

    /** {@return the health checks} */
    public HealthRegistry health() {
        return health;
    }

    /** {@return the error groups} */
    public ErrorAggregator errors() {
        return errors;
    }

    /** {@return the system samplers; null when disabled} */
    public SystemMetrics system() {
        return system;
    }

    /** {@return the monitored components} */
    public Components components() {
        return components;
    }

    /**
     * Stops every thread started here (the background thread, the health and callback threads),
     * removes the GC listeners and the log handler. Closing twice does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (julCapture != null) {
                julCapture.uninstall();
            }
        }
        background.close();
        health.close();
        metrics.callbacks().close();
        if (system != null) {
            system.close();
        }
    }
}
