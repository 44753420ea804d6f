package io.kmon.metrics;

import java.util.concurrent.TimeUnit;

/**
 * What a timer saw in its sliding window. Only exists when the window holds at least one
 * sample; an empty window is {@code Optional.empty()} in {@link MeterSnapshot.TimerSnapshot}.
 *
 * <p>{@code min} and {@code max} are exact; mean and percentiles are estimates within
 * 2.17% of the true value (see the timer's javadoc).
 *
 * @param count samples in the window
 * @param minNanos the smallest sample
 * @param maxNanos the largest sample
 * @param meanNanos the mean
 * @param p50Nanos the median
 * @param p95Nanos the 95th percentile
 * @param p99Nanos the 99th percentile
 */
public record WindowStats(
        long count, long minNanos, long maxNanos, double meanNanos, double p50Nanos, double p95Nanos, double p99Nanos) {

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    /**
     * Converts a nanosecond figure of this record to seconds.
     *
     * @param nanos a figure in nanoseconds
     * @return the same figure in seconds
     */
    public static double seconds(double nanos) {
        return nanos / NANOS_PER_SECOND;
    }
}
