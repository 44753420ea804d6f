package io.kmon.format;

import io.kmon.annotations.MetricNaming;
import io.kmon.metrics.CumulativeBuckets;
import java.util.Arrays;

/**
 * How {@code /metrics/prometheus} exposes timers: as histograms (the default: cumulative
 * buckets that Prometheus can add across instances; classic {@code le} buckets in the text
 * formats, native buckets too in protobuf) or as summaries of the sliding window (p50, p95,
 * p99, which cannot be aggregated).
 *
 * <p>Classic boundaries lie on the timer's bucket grid (2^(k/16) seconds), so each {@code le}
 * count is exact: a boundary asked for elsewhere moves to the nearest grid boundary, at most
 * 2.2% away.
 */
public final class TimerExport {
    /** Most classic boundaries per timer: each one is a series per timer. */
    public static final int MAX_CLASSIC_BOUNDARIES = 64;

    private static final double[] DEFAULT_BOUNDARIES_SECONDS = MetricNaming.defaultBoundariesSeconds();
    /** Histograms with classic boundaries at the powers of two from 2^-14 s (61 µs) to 2^4 s (16 s). */
    public static final TimerExport DEFAULT = histograms(DEFAULT_BOUNDARIES_SECONDS);

    private final boolean summaries;
    private final int[] classicGridIndices;
    private final double[] classicUpperBounds;

    private TimerExport(boolean summaries, int[] classicGridIndices) {
        this.summaries = summaries;
        this.classicGridIndices = classicGridIndices;
        this.classicUpperBounds = new double[classicGridIndices.length + 1];
        for (int j = 0; j < classicGridIndices.length; j++) {
            classicUpperBounds[j] = CumulativeBuckets.upperBoundSeconds(classicGridIndices[j]);
        }
        classicUpperBounds[classicGridIndices.length] = Double.POSITIVE_INFINITY;
    }

    /**
     * {@return histograms with classic boundaries near {@code seconds}} Each moves onto the grid;
     * duplicates are dropped.
     *
     * @param seconds the boundaries, in seconds
     * @throws IllegalArgumentException when a boundary is not positive and finite, or there are
     *     more than {@value #MAX_CLASSIC_BOUNDARIES}
     */
    public static TimerExport histograms(double... seconds) {
        if (seconds.length > MAX_CLASSIC_BOUNDARIES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_CLASSIC_BOUNDARIES + " histogram buckets: " + seconds.length);
        }
        int[] grid = Arrays.stream(seconds)
                .mapToInt(CumulativeBuckets::nearestGridIndex)
                .sorted()
                .distinct()
                .toArray();
        return new TimerExport(false, grid);
    }

    /** {@return summaries of the window (p50, p95, p99), as kmon's exporter wrote them first} */
    public static TimerExport summaries() {
        return new TimerExport(true, new int[0]);
    }

    /** {@return whether timers are written as summaries} */
    public boolean asSummaries() {
        return summaries;
    }

    /** {@return the default classic boundaries, in seconds (a copy)} */
    public static double[] defaultBoundariesSeconds() {
        return DEFAULT_BOUNDARIES_SECONDS.clone();
    }

    /** {@return the classic upper bounds in seconds, ascending, ending with +Inf (a copy)} */
    public double[] classicUpperBounds() {
        return classicUpperBounds.clone();
    }

    /**
     * {@return per classic bucket (not cumulative, as client_java's model takes them), the samples
     * of {@code buckets} in it} Grid buckets are never split, since the boundaries are grid ones.
     *
     * @param buckets a timer's cumulative buckets
     */
    public long[] classicCounts(CumulativeBuckets buckets) {
        long[] counts = new long[classicGridIndices.length + 1];
        int j = 0;
        for (int k = 0; k < buckets.size(); k++) {
            int index = buckets.gridIndex(k);
            while (j < classicGridIndices.length && index > classicGridIndices[j]) {
                j++;
            }
            counts[j] += buckets.count(k);
        }
        return counts;
    }
}
