package io.kmon.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything one {@code Kmon} measured, at one instant: the one thing exporters, alert rules
 * and tests read. Immutable. Besides one reading per series, it holds the monitored methods as
 * typed values ({@link MethodSnapshot}), so no reader has to find them by parsing metric names.
 *
 * @param timestampMillis when it was taken
 * @param meters one reading per series, in id order
 * @param folded per metric name, registrations folded into its overflow series
 * @param methods every monitored method of a listed component, by component then method
 */
public record MetricsSnapshot(
        long timestampMillis, List<MeterSnapshot> meters, Map<String, Long> folded, List<MethodSnapshot> methods) {

    /**
     * Copies the collections.
     *
     * @param timestampMillis when it was taken
     * @param meters one reading per series, in id order
     * @param folded per metric name, registrations folded into its overflow series
     * @param methods every monitored method of a listed component
     */
    public MetricsSnapshot {
        meters = List.copyOf(meters);
        folded = Map.copyOf(folded);
        methods = List.copyOf(methods);
    }

    /**
     * A snapshot of series only, without monitored methods (a bare {@link MeterRegistry}'s).
     *
     * @param timestampMillis when it was taken
     * @param meters one reading per series, in id order
     * @param folded per metric name, registrations folded into its overflow series
     */
    public MetricsSnapshot(long timestampMillis, List<MeterSnapshot> meters, Map<String, Long> folded) {
        this(timestampMillis, meters, folded, List.of());
    }

    /**
     * {@return this snapshot with {@code methods} as its monitored methods}
     *
     * @param methods the monitored methods, by component then method
     */
    public MetricsSnapshot withMethods(List<MethodSnapshot> methods) {
        return new MetricsSnapshot(timestampMillis, meters, folded, methods);
    }

    /** {@return the counters} */
    public Stream<MeterSnapshot.CounterSnapshot> counters() {
        return of(MeterSnapshot.CounterSnapshot.class);
    }

    /** {@return the gauges} */
    public Stream<MeterSnapshot.GaugeSnapshot> gauges() {
        return of(MeterSnapshot.GaugeSnapshot.class);
    }

    /** {@return the timers} */
    public Stream<MeterSnapshot.TimerSnapshot> timers() {
        return of(MeterSnapshot.TimerSnapshot.class);
    }

    /**
     * {@return the reading of one series, if registered}
     *
     * @param id the series
     */
    public Optional<MeterSnapshot> find(MeterId id) {
        return meters.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * {@return a counter's total, 0 when the series does not exist}
     *
     * @param name the counter's name
     * @param tags its tag keys and values, alternating
     */
    public long count(String name, String... tags) {
        return find(MeterId.of(name, tags))
                .map(m -> m instanceof MeterSnapshot.CounterSnapshot c
                        ? c.count()
                        : m instanceof MeterSnapshot.TimerSnapshot t ? t.count() : 0L)
                .orElse(0L);
    }

    /**
     * {@return the sum of a counter over every tag set whose tags include {@code tags}}
     *
     * @param name the counter's name
     * @param tags tag keys and values, alternating, that each summed series has
     */
    public long sum(String name, String... tags) {
        Map<String, String> wanted = MeterId.of(name, tags).tags();
        return counters()
                .filter(c ->
                        c.id().name().equals(name) && c.id().tags().entrySet().containsAll(wanted.entrySet()))
                .mapToLong(MeterSnapshot.CounterSnapshot::count)
                .sum();
    }

    private <T extends MeterSnapshot> Stream<T> of(Class<T> type) {
        return meters.stream().filter(type::isInstance).map(type::cast);
    }
}
