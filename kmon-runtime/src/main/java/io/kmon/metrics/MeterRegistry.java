package io.kmon.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every series of one {@code Kmon}, keyed by {@link MeterId}. Registering returns the existing
 * handle for a known id, so callers resolve a handle once and keep it; the lookup here is for
 * registration and reads, never for the hot path.
 *
 * <p>Cardinality is capped per metric name: beyond {@code maxSeriesPerName} series, new tag
 * combinations fold into one series tagged {@code overflow=true}, and the folded registrations
 * are counted ({@link #folded()}), so memory stays bounded whatever callers send. The number of
 * metric names is capped too: beyond {@code maxNames}, registering a new name returns a working
 * handle that is kept nowhere (so never exported), and the refusal is counted
 * ({@link #refusedNames()}); kmon's own names ({@link ReservedNames}) are not counted. The tag {@value #OVERFLOW_TAG} is the registry's own: an id that
 * carries it is refused with an {@link IllegalArgumentException}.
 */
public final class MeterRegistry {
    /** Tag of the series that absorbs registrations over the cardinality cap. */
    public static final String OVERFLOW_TAG = "overflow";
    /** The default cap on metric names. */
    public static final int DEFAULT_MAX_NAMES = 2_000;

    private final Clock clock;
    private final long windowMillis;
    private final int maxSeriesPerName;
    private final SeriesFamilies families;
    private final BiConsumer<MeterId, Throwable> onReadFailure;
    private final CallbackReader callbacks;
    // Sorted, so exports read every series in id order without sorting them on each scrape.
    private final ConcurrentSkipListMap<MeterId, Meter> meters = new ConcurrentSkipListMap<>();

    /**
     * A registry.
     * @param clock positions timer windows
     * @param windowMillis the length of timer windows
     * @param maxSeriesPerName the cardinality cap per metric name
     */
    public MeterRegistry(Clock clock, long windowMillis, int maxSeriesPerName) {
        this(clock, windowMillis, maxSeriesPerName, (id, failure) -> {});
    }

    /**
     * A registry that reports every failed read of a function gauge or counter.
     * @param clock positions timer windows
     * @param windowMillis the length of timer windows
     * @param maxSeriesPerName the cardinality cap per metric name
     * @param onReadFailure told of each read of a {@link FunctionGauge} or {@link FunctionCounter}
     *     whose function threw (or returned null), on the reading thread; must not block
     */
    public MeterRegistry(
            Clock clock, long windowMillis, int maxSeriesPerName, BiConsumer<MeterId, Throwable> onReadFailure) {
        this(
                clock,
                windowMillis,
                maxSeriesPerName,
                DEFAULT_MAX_NAMES,
                onReadFailure,
                new CallbackReader(CallbackReader.DEFAULT_TIMEOUT, CallbackReader.DEFAULT_MAX_THREADS));
    }

    /**
     * A registry with a cap on metric names.
     * @param clock positions timer windows
     * @param windowMillis the length of timer windows
     * @param maxSeriesPerName the cardinality cap per metric name
     * @param maxNames the cap on metric names
     * @param onReadFailure told of each failed read of a {@link FunctionGauge} or {@link FunctionCounter}
     * @param callbacks calls gauge suppliers and function counters with a timeout
     */
    public MeterRegistry(
            Clock clock,
            long windowMillis,
            int maxSeriesPerName,
            int maxNames,
            BiConsumer<MeterId, Throwable> onReadFailure,
            CallbackReader callbacks) {
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        if (maxNames <= 0) {
            throw new IllegalArgumentException("the cap on metric names must be positive: " + maxNames);
        }
        this.families = new SeriesFamilies(maxNames);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onReadFailure = Objects.requireNonNull(onReadFailure, "onReadFailure");
        if (windowMillis <= 0 || maxSeriesPerName <= 0) {
            throw new IllegalArgumentException("window and cardinality cap must be positive");
        }
        this.windowMillis = windowMillis;
        this.maxSeriesPerName = maxSeriesPerName;
    }

    /**
     * {@return the counter for {@code id}, created on first use}
     * @param id the series
     */
    public Counter counter(MeterId id) {
        return register(id, Counter.class, Counter::new);
    }

    /**
     * A counter computed from {@code count} when read, called through the {@link CallbackReader}
     * (a late or hung function reads as its last good value); the first function for an id wins.
     * @param id the series
     * @param count reads the count
     * @return the counter
     */
    public FunctionCounter functionCounter(MeterId id, LongSupplier count) {
        Objects.requireNonNull(count, "count");
        return register(
                id,
                FunctionCounter.class,
                i -> new FunctionCounter(i, count, onReadFailure, callbacks),
                folded -> folded.join(count),
                null);
    }

    /**
     * Adds {@code count} to kmon's own counter {@code id}, computed inline when read: {@code count}
     * must be a plain read of other counts, which cannot block (a hand-off per read would cost
     * more than the read). Every registration adds its count, for the same id as past the
     * cardinality cap, so each source (a monitored method's adders, say) is counted exactly once.
     * @param id the series
     * @param count a plain read of other counts
     * @return the series {@code count} went into
     */
    public FunctionCounter ownCounter(MeterId id, LongSupplier count) {
        Objects.requireNonNull(count, "count");
        Consumer<FunctionCounter> join = counter -> counter.join(count);
        return register(id, FunctionCounter.class, i -> new FunctionCounter(i, count, onReadFailure, null), join, join);
    }

    /**
     * {@return the settable gauge for {@code id}, created on first use}
     * @param id the series
     */
    public Gauge gauge(MeterId id) {
        return register(id, Gauge.class, Gauge::new);
    }

    /**
     * A gauge read from {@code supplier}, strongly held, called through the {@link CallbackReader};
     * the first supplier for an id wins.
     * @param id the series
     * @param supplier reads the value
     * @return the gauge
     */
    public FunctionGauge gauge(MeterId id, Supplier<? extends Number> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return register(id, FunctionGauge.class, i -> new FunctionGauge(i, supplier, onReadFailure, callbacks));
    }

    /**
     * A gauge read inline from {@code supplier}, for kmon's own figures: it must be a plain,
     * non-blocking read.
     * @param id the series
     * @param supplier reads the value
     * @return the gauge
     */
    public FunctionGauge ownGauge(MeterId id, Supplier<? extends Number> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return register(id, FunctionGauge.class, i -> new FunctionGauge(i, supplier, onReadFailure, null));
    }

    /** {@return the reader that calls gauge suppliers and function counters with a timeout} */
    public CallbackReader callbacks() {
        return callbacks;
    }

    /**
     * {@return the timer for {@code id}, created on first use}
     * @param id the series
     */
    public Timer timer(MeterId id) {
        return register(id, Timer.class, i -> new Timer(i, windowMillis, clock.millis()));
    }

    private <M extends Meter> M register(MeterId id, Class<M> type, Function<MeterId, M> factory) {
        return register(id, type, factory, null, null);
    }

    /**
     * The meter of {@code id}, made by {@code factory} when new; {@code joinFolded} (when not
     * null) is applied to an existing overflow series this registration folds into, and
     * {@code joinExisting} to an existing series of {@code id} itself.
     */
    private <M extends Meter> M register(
            MeterId id, Class<M> type, Function<MeterId, M> factory, Consumer<M> joinFolded, Consumer<M> joinExisting) {
        Objects.requireNonNull(id, "id");
        if (id.tags().containsKey(OVERFLOW_TAG)) {
            throw new IllegalArgumentException("tag '" + OVERFLOW_TAG + "' is reserved for the series that absorbs "
                    + "registrations over the cardinality cap: " + id);
        }
        Meter existing = meters.get(id);
        Consumer<M> join = joinExisting;
        if (existing == null) {
            SeriesFamily family = families.family(id.name(), type);
            if (family == null) {
                return factory.apply(id); // works for the caller, kept nowhere: memory stays bounded
            }
            if (family.type != type) {
                throw typeClash(id, family.type, type);
            }
            if (family.admit(maxSeriesPerName)) {
                M created = factory.apply(id);
                existing = meters.putIfAbsent(id, created);
                if (existing == null) {
                    return created;
                }
                family.series.decrementAndGet(); // another thread registered it first
            } else {
                family.folded.increment();
                Meter[] made = new Meter[1];
                existing = meters.computeIfAbsent(
                        MeterId.of(id.name(), OVERFLOW_TAG, "true"), i -> made[0] = factory.apply(i));
                if (existing == made[0]) {
                    return type.cast(existing);
                }
                join = joinFolded;
            }
        }
        if (!type.isInstance(existing)) {
            throw typeClash(id, existing.getClass(), type);
        }
        M meter = type.cast(existing);
        if (join != null) {
            join.accept(meter);
        }
        return meter;
    }

    /** {@return the registrations of new metric names refused by the cap on names} */
    public long refusedNames() {
        return families.refused();
    }

    /** {@return the cap on metric names} */
    public int maxNames() {
        return families.maxNames();
    }

    private static IllegalArgumentException typeClash(MeterId id, Class<?> registered, Class<?> requested) {
        return new IllegalArgumentException("metric '" + id.name() + "' is already registered as a "
                + registered.getSimpleName() + "; it cannot also be a " + requested.getSimpleName());
    }

    /** {@return every series, in id order} */
    public List<Meter> meters() {
        return new ArrayList<>(meters.values());
    }

    /** {@return per metric name, how many registrations were folded into its overflow series} */
    public Map<String, Long> folded() {
        return families.folded();
    }

    /** {@return an immutable snapshot of every series at the clock's current time} */
    public MetricsSnapshot snapshot() {
        long now = clock.millis();
        List<MeterSnapshot> readings = new ArrayList<>();
        for (Meter meter : meters()) {
            readings.add(meter.snapshot(now));
        }
        return new MetricsSnapshot(now, readings, folded());
    }
}
