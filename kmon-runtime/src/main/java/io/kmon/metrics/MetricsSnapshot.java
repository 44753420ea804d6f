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
public record MetricsSnapshot(long timestampMillis, List<MeterSnapshot> meters, Map<String, Long> folded,
        List<MethodSnapshot> methods) {

    /** Copies the collections. */
    public MetricsSnapshot {
        meters = List.copyOf(meters);
        folded = Map.copyOf(folded);
        methods = List.copyOf(methods);
    }

    /** A snapshot of series only, without monitored methods (a bare {@link MeterRegistry}'s). */
    public MetricsSnapshot(long timestampMillis, List<MeterSnapshot> meters, Map<String, Long> folded) {
        this(timestampMillis, meters, folded, List.of());
    }

    /** This snapshot with {@code methods} as its monitored methods. */
    public MetricsSnapshot withMethods(List<MethodSnapshot> methods) {
        return new MetricsSnapshot(timestampMillis, meters, folded, methods);
    }

    /** The counters. */
    public Stream<MeterSnapshot.CounterSnapshot> counters() {
        return of(MeterSnapshot.CounterSnapshot.class);
    }

    /** The gauges. */
    public Stream<MeterSnapshot.GaugeSnapshot> gauges() {
        return of(MeterSnapshot.GaugeSnapshot.class);
    }

    /** The timers. */
    public Stream<MeterSnapshot.TimerSnapshot> timers() {
        return of(MeterSnapshot.TimerSnapshot.class);
    }

    /** The reading of one series, if registered. */
    public Optional<MeterSnapshot> find(MeterId id) {
        return meters.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** A counter's total, 0 when the series does not exist. */
    public long count(String name, String... tags) {
        return find(MeterId.of(name, tags))
                .map(m -> m instanceof MeterSnapshot.CounterSnapshot c ? c.count()
                        : m instanceof MeterSnapshot.TimerSnapshot t ? t.count() : 0L)
                .orElse(0L);
    }

    /** The sum of a counter over every tag set whose tags include {@code tags}. */
    public long sum(String name, String... tags) {
        Map<String, String> wanted = MeterId.of(name, tags).tags();
        return counters()
                .filter(c -> c.id().name().equals(name) && c.id().tags().entrySet().containsAll(wanted.entrySet()))
                .mapToLong(MeterSnapshot.CounterSnapshot::count)
                .sum();
    }

    private <T extends MeterSnapshot> Stream<T> of(Class<T> type) {
        return meters.stream().filter(type::isInstance).map(type::cast);
    }
}
