package io.kmon.metrics;

/**
 * Wall-clock time in milliseconds, injectable so that windows, cooldowns and uptimes are
 * tested by moving time rather than sleeping.
 *
 * <p>Durations of monitored calls are measured with {@link System#nanoTime()} by the caller;
 * this clock only decides which window or ring slot a value belongs to.
 */
@FunctionalInterface
public interface Clock {
    /** {@return milliseconds since the epoch} */
    long millis();

    /** {@return the system clock} */
    static Clock system() {
        return System::currentTimeMillis;
    }
}
