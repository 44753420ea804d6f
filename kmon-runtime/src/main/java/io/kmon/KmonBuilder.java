package io.kmon;

import static io.kmon.SettingChecks.fraction;
import static io.kmon.SettingChecks.notNegative;
import static io.kmon.SettingChecks.positive;

import io.kmon.annotations.BuiltInAlerts;
import io.kmon.health.HealthRegistry;
import io.kmon.internal.KmonConfig;
import io.kmon.metrics.CallbackReader;
import io.kmon.metrics.Clock;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MetricNames;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an isolated {@link Kmon}; every setting has a default, so {@code Kmon.builder().build()}
 * equals {@link Kmon#create()}.
 *
 * <pre>{@code
 * Kmon kmon = Kmon.builder().window(Duration.ofMinutes(10)).alertCooldown(Duration.ofMinutes(15)).build();
 * }</pre>
 */
public final class KmonBuilder {
    private Clock clock = Clock.system();
    private Duration window = Duration.ofHours(1);
    private Duration sampleInterval = Duration.ofSeconds(10);
    private Duration seriesRetention = Duration.ofHours(1);
    private int maxSeriesPerName = 1_000;
    private boolean backgroundThread = true;
    private Duration alertCooldown = Duration.ofMinutes(5);
    private Duration ruleInterval = Duration.ofSeconds(60);
    private Duration healthTimeout = Duration.ofSeconds(2);
    private int alertHistorySize = 1_000;
    private int maxErrorGroups = 1_000;
    private double componentFailureRatio = 0.5;
    private long failedCallsThreshold = 10;
    private long componentFailuresThreshold = BuiltInAlerts.COMPONENT_FAILURES_THRESHOLD;
    private boolean systemMetrics = true;
    private System.Logger logger = System.getLogger("io.kmon");
    private int maxMetricNames = MeterRegistry.DEFAULT_MAX_NAMES;
    private int maxComponents = 1_000;
    private int maxHealthChecks = HealthRegistry.DEFAULT_MAX_CHECKS;
    private Duration callbackTimeout = CallbackReader.DEFAULT_TIMEOUT;

    KmonBuilder() {}

    /**
     * The clock for windows, series and uptime (default: the system clock).
     * @param clock the clock
     * @return this builder
     */
    public KmonBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The sliding window of timer percentiles (default 1 hour).
     * @param window the window
     * @return this builder
     */
    public KmonBuilder window(Duration window) {
        this.window = positive(window, "window");
        return this;
    }

    /**
     * How often the background thread samples series (default 10 s).
     * @param interval the time between two samples
     * @return this builder
     */
    public KmonBuilder sampleInterval(Duration interval) {
        this.sampleInterval = positive(interval, "sampleInterval");
        return this;
    }

    /**
     * How much recent history each series keeps (default 1 hour).
     * @param retention the history to keep
     * @return this builder
     */
    public KmonBuilder seriesRetention(Duration retention) {
        this.seriesRetention = positive(retention, "seriesRetention");
        return this;
    }

    /**
     * Series per metric name before new tag sets fold into the overflow series (default 1,000).
     * @param max the series per name; more than zero
     * @return this builder
     */
    public KmonBuilder maxSeriesPerName(int max) {
        this.maxSeriesPerName = positive(max, "maxSeriesPerName");
        return this;
    }

    /**
     * Whether to start the background thread (default true); without it, call
     * {@link Kmon#sampleNow()} and {@link Kmon#checkAlertsNow()}.
     * @param enabled whether to start it
     * @return this builder
     */
    public KmonBuilder backgroundThread(boolean enabled) {
        this.backgroundThread = enabled;
        return this;
    }

    /**
     * The least time between two alerts of the same condition (rule + component); default 5 minutes.
     * @param cooldown the least time; zero or more
     * @return this builder
     */
    public KmonBuilder alertCooldown(Duration cooldown) {
        this.alertCooldown = notNegative(cooldown, "alertCooldown");
        return this;
    }

    /**
     * How often the background thread evaluates the alert rules (default 60 s).
     * @param interval the time between two evaluations
     * @return this builder
     */
    public KmonBuilder ruleInterval(Duration interval) {
        this.ruleInterval = positive(interval, "ruleInterval");
        return this;
    }

    /**
     * How long each health check may take before it is reported timed out (default 2 s).
     * @param timeout the longest a check may take
     * @return this builder
     */
    public KmonBuilder healthTimeout(Duration timeout) {
        this.healthTimeout = positive(timeout, "healthTimeout");
        return this;
    }

    /**
     * Alerts kept in the history, newest first (default 1,000).
     * @param size the alerts to keep
     * @return this builder
     */
    public KmonBuilder alertHistorySize(int size) {
        this.alertHistorySize = positive(size, "alertHistorySize");
        return this;
    }

    /**
     * Error groups kept before the least recently seen is dropped (default 1,000).
     * @param max the groups to keep
     * @return this builder
     */
    public KmonBuilder maxErrorGroups(int max) {
        this.maxErrorGroups = positive(max, "maxErrorGroups");
        return this;
    }

    /**
     * The share of a component's calls in the last 5 minutes that may fail before its
     * readiness check turns degraded (default 0.5: more than half).
     * @param ratio the share, from 0 to 1
     * @return this builder
     */
    public KmonBuilder componentFailureRatio(double ratio) {
        this.componentFailureRatio = fraction(ratio, "componentFailureRatio");
        return this;
    }

    /**
     * Failed calls in an hour above which a WARNING is raised (default 10).
     * @param threshold the failed calls; zero or more
     * @return this builder
     */
    public KmonBuilder failedCallsThreshold(long threshold) {
        this.failedCallsThreshold = notNegative(threshold, "failedCallsThreshold");
        return this;
    }

    /**
     * Failed calls of one component in an hour above which a WARNING is raised (default 5).
     * @param threshold the failed calls; zero or more
     * @return this builder
     */
    public KmonBuilder componentFailuresThreshold(long threshold) {
        this.componentFailuresThreshold = notNegative(threshold, "componentFailuresThreshold");
        return this;
    }

    /**
     * Whether to sample system, process and JVM figures (default true).
     * @param enabled whether to sample them
     * @return this builder
     */
    public KmonBuilder systemMetrics(boolean enabled) {
        this.systemMetrics = enabled;
        return this;
    }

    /**
     * Where alerts and contained failures are logged (default {@code System.getLogger("io.kmon")}).
     * @param logger the logger
     * @return this builder
     */
    public KmonBuilder logger(System.Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
        return this;
    }

    /**
     * Metric names kept, kmon's own not counted (default 2,000); registering a further name
     * returns a working handle that is never exported, counted in
     * {@value MetricNames#METRIC_NAMES_REFUSED} with one WARNING alert.
     * @param max the names to keep
     * @return this builder
     */
    public KmonBuilder maxMetricNames(int max) {
        this.maxMetricNames = positive(max, "maxMetricNames");
        return this;
    }

    /**
     * Monitored components kept (default 1,000); a further component still records its metrics
     * but is not listed and has no health check, counted in {@value MetricNames#COMPONENTS_REFUSED}.
     * @param max the components to keep
     * @return this builder
     */
    public KmonBuilder maxComponents(int max) {
        this.maxComponents = positive(max, "maxComponents");
        return this;
    }

    /**
     * Health checks that run on threads registered at once (default 200: users' checks and kmon's
     * {@code memory}; each hung check holds one thread); a further
     * {@code register} throws {@link IllegalStateException}.
     * @param max the checks
     * @return this builder
     */
    public KmonBuilder maxHealthChecks(int max) {
        this.maxHealthChecks = positive(max, "maxHealthChecks");
        return this;
    }

    /**
     * How long a read (an export, the sampler) waits for a gauge supplier (default 100 ms); a
     * late one reads as its last good value and is counted as {@code read:<name>}.
     * @param timeout the longest wait
     * @return this builder
     */
    public KmonBuilder callbackTimeout(Duration timeout) {
        this.callbackTimeout = positive(timeout, "callbackTimeout");
        return this;
    }

    /** {@return the instance} */
    public Kmon build() {
        int capacity = (int) Math.max(1, seriesRetention.toMillis() / sampleInterval.toMillis());
        return new Kmon(new KmonConfig(
                clock,
                window,
                sampleInterval,
                capacity,
                1_000,
                maxSeriesPerName,
                backgroundThread,
                alertCooldown,
                ruleInterval,
                healthTimeout,
                alertHistorySize,
                maxErrorGroups,
                componentFailureRatio,
                failedCallsThreshold,
                componentFailuresThreshold,
                systemMetrics,
                logger,
                maxMetricNames,
                maxComponents,
                maxHealthChecks,
                callbackTimeout));
    }
}
