package io.kmon.metrics;

import java.util.Optional;

/** An immutable reading of one series. Exporters and alert rules only ever see these. */
public sealed interface MeterSnapshot {
    /** {@return the series read} */
    MeterId id();

    /**
     * A counter's total.
     *
     * @param id the series
     * @param count the total so far
     */
    record CounterSnapshot(MeterId id, long count) implements MeterSnapshot {}

    /**
     * A gauge's value; NaN when unset or its supplier failed.
     *
     * @param id the series
     * @param value the value
     */
    record GaugeSnapshot(MeterId id, double value) implements MeterSnapshot {}

    /**
     * A timer's cumulative totals, its cumulative buckets and its window.
     *
     * @param id the series
     * @param count durations recorded since start
     * @param totalNanos their sum
     * @param window the sliding window, empty when it holds no samples
     * @param buckets every duration since start on kmon's bucket grid (what Prometheus and OTLP
     *     histograms need); their total may differ from {@code count} by records in flight
     */
    record TimerSnapshot(
            MeterId id, long count, long totalNanos, Optional<WindowStats> window, CumulativeBuckets buckets)
            implements MeterSnapshot {}
}
