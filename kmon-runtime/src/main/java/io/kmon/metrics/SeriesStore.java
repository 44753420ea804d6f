package io.kmon.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Recent history per metric name ({@code /metrics/series?name=…&since=…}), one point per name per sampling tick, in rings of fixed size: memory depends on the number
 * of names and the ring size, never on the call rate.
 *
 * <p>What a point holds, per type, summed over the name's tag sets:
 * <ul>
 *   <li>counter: the total so far (rates are the difference of neighbouring points);
 *   <li>gauge: the value (the sum of the tag sets' values);
 *   <li>timer {@code n}: the mean duration in seconds of the calls since the previous tick
 *       (no point when there were none); and {@code n.p95}: the highest windowed p95 among the
 *       name's series, in seconds.
 * </ul>
 * At most {@code maxNames} names are kept; points of further names are dropped and counted.
 */
public final class SeriesStore {
    /** Suffix of the derived series holding a timer's p95. */
    public static final String P95_SUFFIX = ".p95";

    private final int capacity;
    private final int maxNames;
    private final ConcurrentHashMap<String, SeriesRing> rings = new ConcurrentHashMap<>();
    private final Map<String, long[]> previousTimerTotals = new HashMap<>(); // sampler thread only
    private final LongAdder dropped = new LongAdder();

    /**
     * A store.
     *
     * @param capacity points kept per name
     * @param maxNames names kept
     */
    public SeriesStore(int capacity, int maxNames) {
        if (capacity <= 0 || maxNames <= 0) {
            throw new IllegalArgumentException("capacity and maxNames must be positive");
        }
        this.capacity = capacity;
        this.maxNames = maxNames;
    }

    /**
     * Appends one point per name from {@code snapshot}. Called by one thread, the sampler.
     *
     * @param snapshot the metrics to sample
     */
    public synchronized void sample(MetricsSnapshot snapshot) {
        long t = snapshot.timestampMillis();
        Map<String, Double> counters = new HashMap<>();
        snapshot.counters().forEach(c -> counters.merge(c.id().name(), (double) c.count(), Double::sum));
        counters.forEach((name, v) -> append(name, t, v));

        Map<String, Double> gauges = new HashMap<>();
        snapshot.gauges()
                .filter(g -> !Double.isNaN(g.value()))
                .forEach(g -> gauges.merge(g.id().name(), g.value(), Double::sum));
        gauges.forEach((name, v) -> append(name, t, v));

        Map<String, long[]> totals = new HashMap<>();
        Map<String, Double> p95s = new HashMap<>();
        snapshot.timers().forEach(timer -> {
            long[] sum = totals.computeIfAbsent(timer.id().name(), n -> new long[2]);
            sum[0] += timer.count();
            sum[1] += timer.totalNanos();
            timer.window().ifPresent(w -> p95s.merge(timer.id().name(), WindowStats.seconds(w.p95Nanos()), Math::max));
        });
        totals.forEach((name, now) -> {
            long[] before = previousTimerTotals.getOrDefault(name, new long[2]);
            previousTimerTotals.put(name, now);
            long calls = now[0] - before[0];
            if (calls > 0) {
                append(name, t, WindowStats.seconds((double) (now[1] - before[1]) / calls));
            }
        });
        p95s.forEach((name, v) -> append(name + P95_SUFFIX, t, v));
    }

    private void append(String name, long t, double value) {
        SeriesRing ring = rings.get(name);
        if (ring == null) {
            if (rings.size() >= maxNames) {
                dropped.increment();
                return;
            }
            ring = rings.computeIfAbsent(name, n -> new SeriesRing(capacity));
        }
        ring.add(t, value);
    }

    /**
     * {@return the points of {@code name} at or after {@code sinceMillis}, oldest first} Empty
     * for unknown names.
     *
     * @param name the series name
     * @param sinceMillis the earliest time wanted, epoch milliseconds
     */
    public List<Point> points(String name, long sinceMillis) {
        SeriesRing ring = rings.get(name);
        return ring == null ? List.of() : ring.since(sinceMillis);
    }

    /** {@return the names with points, sorted} */
    public Set<String> names() {
        return new TreeSet<>(rings.keySet());
    }

    /** {@return how many points were dropped because {@code maxNames} was reached} */
    public long dropped() {
        return dropped.sum();
    }
}
