package io.kmon.metrics;

/** One registered series: a counter, a gauge or a timer. */
public sealed interface Meter permits Counter, FunctionCounter, Gauge, FunctionGauge, Timer {
    /** Name and tags. */
    MeterId id();

    /** An immutable copy of the current values; {@code nowMillis} positions time windows. */
    MeterSnapshot snapshot(long nowMillis);
}
