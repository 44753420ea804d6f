package io.kmon.metrics;

/** One registered series: a counter, a gauge or a timer. */
public sealed interface Meter permits Counter, FunctionCounter, Gauge, FunctionGauge, Timer {
    /** {@return the name and tags} */
    MeterId id();

    /**
     * {@return an immutable copy of the current values}
     *
     * @param nowMillis the time, in epoch milliseconds, that positions time windows
     */
    MeterSnapshot snapshot(long nowMillis);
}
