package io.kmon;

import io.kmon.metrics.Clock;
import io.kmon.metrics.Counter;
import io.kmon.metrics.FunctionGauge;
import io.kmon.metrics.Gauge;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.Point;
import io.kmon.metrics.SeriesStore;
import io.kmon.metrics.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * }</pre>
 *
 * <p>Tags are alternating keys and values. Every registration returns the same handle for the
 * same name and tags: resolve it once and keep it. {@link #create()} and {@link #builder()}
 * make isolated instances (tests, several apps in one JVM); {@link #close()} stops what an
 * instance started.
 */
public final class Kmon implements AutoCloseable {
    /** Counter of every failed monitored call, untagged. */
    public static final String ERRORS_COUNT = "errors.count";

    private static final Object GLOBAL_LOCK = new Object();
    private static volatile Kmon global;

    private final KmonConfig config;
    private final long startMillis;
    private final MeterRegistry metrics;
    private final SeriesStore series;
    private final Background background;
    private final ConcurrentHashMap<String, ComponentMonitor> components = new ConcurrentHashMap<>();
    private final LongAdder internalFailures = new LongAdder();

    private Kmon(KmonConfig config) {
        this.config = config;
        this.startMillis = config.clock().millis();
        this.metrics = new MeterRegistry(config.clock(), config.window().toMillis(), config.maxSeriesPerName());
        this.series = new SeriesStore(config.seriesCapacity(), config.maxSeriesNames());
        this.background = new Background(this::internalFailure);
        if (config.backgroundThread()) {
            background.every(config.sampleInterval(), this::sampleSeries);
        }
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
    public static Builder builder() {
        return new Builder();
    }

    /** The counter {@code name} with {@code tags} (alternating keys and values). */
    public Counter counter(String name, String... tags) {
        return metrics.counter(MeterId.of(name, tags));
    }

    /** The settable gauge {@code name} with {@code tags}. */
    public Gauge gauge(String name, String... tags) {
        return metrics.gauge(MeterId.of(name, tags));
    }

    /** A gauge read from {@code supplier} at each export; kmon keeps a strong reference to it. */
    public FunctionGauge gauge(String name, Supplier<? extends Number> supplier, String... tags) {
        return metrics.gauge(MeterId.of(name, tags), supplier);
    }

    /** The timer {@code name} with {@code tags}. */
    public Timer timer(String name, String... tags) {
        return metrics.timer(MeterId.of(name, tags));
    }

    /**
     * The component {@code name}, whose methods record {@code <prefix>.*} metrics. Generated
     * code calls this when it wraps a delegate; the same name returns the same component.
     *
     * @throws IllegalArgumentException when the name is reused with another prefix, or the
     *     prefix is not a valid metric name
     */
    public ComponentMonitor component(String name, String prefix) {
        Objects.requireNonNull(name, "name");
        MeterId.of(prefix + ".calls", "component", name); // validates both now, not on first call
        ComponentMonitor component = components.computeIfAbsent(name, n -> new ComponentMonitor(this, n, prefix));
        if (!component.prefix().equals(prefix)) {
            throw new IllegalArgumentException("component '" + name + "' already uses prefix '"
                    + component.prefix() + "', not '" + prefix + "'");
        }
        return component;
    }

    /** The monitored components, by name. */
    public List<ComponentMonitor> components() {
        return components.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    /** An immutable snapshot of every metric now. */
    public MetricsSnapshot snapshot() {
        return metrics.snapshot();
    }

    /** Recent points of metric {@code name} at or after {@code sinceMillis}, oldest first. */
    public List<Point> series(String name, long sinceMillis) {
        return series.points(name, sinceMillis);
    }

    /** Names that have recent points. */
    public Set<String> seriesNames() {
        return series.names();
    }

    /**
     * Runs the background sampling once, now: appends a point per series. The background
     * thread does this every {@code sampleInterval}; tests with a fake clock call it directly.
     */
    public void sampleNow() {
        sampleSeries();
    }

    private void sampleSeries() {
        series.sample(metrics.snapshot());
    }

    /** The registry behind the facade, for exporters and advanced registration. */
    public MeterRegistry metrics() {
        return metrics;
    }

    /** The configuration this instance was built with. */
    public KmonConfig config() {
        return config;
    }

    /** When this instance started, in epoch milliseconds of its clock. */
    public long startMillis() {
        return startMillis;
    }

    /** Failures inside kmon itself (a throwing hook, a background task) that were contained. */
    public long internalFailures() {
        return internalFailures.sum();
    }

    void internalFailure(Throwable error) {
        internalFailures.increment();
    }

    /** A monitored call took longer than its {@code @SlowAlert} threshold. */
    void slowCall(MethodMonitor method, long nanos) {
        // alert hand-off wired by the alert engine
    }

    /** A monitored call failed; {@code alert} when the type matches the method's {@code @AlertOn}. */
    void failedCall(MethodMonitor method, Throwable error, boolean alert) {
        // error aggregation and alert hand-off wired by the alert engine
    }

    /** Stops the background thread. Metrics stay readable. Closing twice does nothing. */
    @Override
    public void close() {
        background.close();
        synchronized (GLOBAL_LOCK) {
            if (global == this) {
                global = null;
            }
        }
    }

    /** Builds an isolated {@link Kmon}. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private Duration window = Duration.ofHours(1);
        private Duration sampleInterval = Duration.ofSeconds(10);
        private Duration seriesRetention = Duration.ofHours(1);
        private int maxSeriesPerName = 1_000;
        private boolean backgroundThread = true;

        private Builder() {}

        /** The clock for windows, series and uptime (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The sliding window of timer percentiles (default 1 hour). */
        public Builder window(Duration window) {
            this.window = positive(window, "window");
            return this;
        }

        /** How often the background thread samples series (default 10 s). */
        public Builder sampleInterval(Duration interval) {
            this.sampleInterval = positive(interval, "sampleInterval");
            return this;
        }

        /** How much recent history each series keeps (default 1 hour). */
        public Builder seriesRetention(Duration retention) {
            this.seriesRetention = positive(retention, "seriesRetention");
            return this;
        }

        /** Series per metric name before new tag sets fold into the overflow series (default 1,000). */
        public Builder maxSeriesPerName(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxSeriesPerName must be positive: " + max);
            }
            this.maxSeriesPerName = max;
            return this;
        }

        /** Whether to start the background thread (default true); without it, call {@link Kmon#sampleNow()}. */
        public Builder backgroundThread(boolean enabled) {
            this.backgroundThread = enabled;
            return this;
        }

        /** The instance. */
        public Kmon build() {
            int capacity = (int) Math.max(1, seriesRetention.toMillis() / sampleInterval.toMillis());
            return new Kmon(new KmonConfig(clock, window, sampleInterval, capacity, 1_000, maxSeriesPerName,
                    backgroundThread));
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
