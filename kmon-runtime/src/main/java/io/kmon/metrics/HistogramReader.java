package io.kmon.metrics;

import static io.kmon.metrics.WindowedHistogram.COUNT;
import static io.kmon.metrics.WindowedHistogram.FOLDED;
import static io.kmon.metrics.WindowedHistogram.OCTAVES;
import static io.kmon.metrics.WindowedHistogram.OCTAVE_BITS;
import static io.kmon.metrics.WindowedHistogram.OCTAVE_MASK;
import static io.kmon.metrics.WindowedHistogram.PER_OCTAVE;
import static io.kmon.metrics.WindowedHistogram.octave;
import static io.kmon.metrics.WindowedHistogram.table;

import java.util.Arrays;
import java.util.Optional;

/**
 * The read side of {@link WindowedHistogram}: turns its octave arrays into window statistics and
 * cumulative buckets, kept apart so the histogram class is about recording and rotating.
 * Callers hold the histogram's lock; {@code tables} are its stripes (stripe 0 first, others may be
 * null) as laid out there.
 */
final class HistogramReader {
    private HistogramReader() {}

    /** The window's count, extremes, mean and percentiles, or empty when it holds no samples. */
    static Optional<WindowStats> stats(int[][][] tables, long min, long max) {
        // Only the buckets between min and max can hold samples: exports read every timer on
        // every scrape, and a method's durations usually span a few dozen of the 849 buckets.
        // A sample still being recorded outside that range is left for the next read.
        if (max < min) {
            return Optional.empty();
        }
        int lo = BucketGrid.index(min);
        int hi = BucketGrid.index(max);
        long n = 0;
        for (int k = lo; k <= hi; k++) {
            n += windowCount(tables, k);
        }
        if (n == 0) {
            return Optional.empty();
        }
        // One pass for the mean and all three percentiles: exports read every timer each scrape.
        long[] ranks = {rank(0.50, n), rank(0.95, n), rank(0.99, n)};
        double[] quantiles = new double[ranks.length];
        int next = 0;
        long seen = 0;
        double sum = 0;
        for (int k = lo; k <= hi && seen < n; k++) {
            long c = Math.min(windowCount(tables, k), n - seen); // writes since the first pass wait
            if (c == 0) {
                continue;
            }
            double estimate = BucketGrid.estimate(k);
            sum += c * estimate;
            seen += c;
            while (next < ranks.length && seen >= ranks[next]) {
                quantiles[next++] = clamp(estimate, min, max);
            }
        }
        return Optional.of(
                new WindowStats(n, min, max, clamp(sum / n, min, max), quantiles[0], quantiles[1], quantiles[2]));
    }

    /**
     * Every sample since start: the folded counts (low bits in stripe 0's {@code octaves}, high
     * bits in {@code foldedHigh}, which may be null) plus both halves of every stripe.
     */
    static CumulativeBuckets cumulative(int[][][] tables, int[][] octaves, int[][] foldedHigh) {
        int[] indices = new int[32];
        long[] counts = new long[32];
        int size = 0;
        for (int o = 0; o < OCTAVES; o++) {
            // Folded counts live in stripe 0; any stripe's octave may hold window counts.
            int[] octave = octave(octaves, o);
            boolean any = octave != null;
            for (int t = 1; t < tables.length && !any; t++) {
                int[][] table = table(tables, t);
                any = table != null && octave(table, o) != null;
            }
            if (!any) {
                continue;
            }
            int[] high = foldedHigh == null ? null : foldedHigh[o];
            for (int j = 0; j < PER_OCTAVE; j++) {
                long folded = octave == null
                        ? 0
                        : Integer.toUnsignedLong(octave[FOLDED + j])
                                | (high == null ? 0 : Integer.toUnsignedLong(high[j]) << 32);
                long c = folded + windowCount(tables, (o << OCTAVE_BITS) + j);
                if (c == 0) {
                    continue;
                }
                if (size == indices.length) {
                    indices = Arrays.copyOf(indices, size * 2);
                    counts = Arrays.copyOf(counts, size * 2);
                }
                indices[size] = BucketGrid.gridIndex((o << OCTAVE_BITS) + j);
                counts[size++] = c;
            }
        }
        return size == 0
                ? CumulativeBuckets.EMPTY
                : new CumulativeBuckets(Arrays.copyOf(indices, size), Arrays.copyOf(counts, size));
    }

    /** Both halves' samples in dense bucket {@code k}, over every stripe. */
    private static long windowCount(int[][][] tables, int k) {
        int j = k & OCTAVE_MASK;
        long n = 0;
        for (int t = 0; t < tables.length; t++) {
            int[][] table = table(tables, t);
            int[] octave = table == null ? null : octave(table, k >>> OCTAVE_BITS);
            if (octave != null) {
                n += unsigned(octave, j) + unsigned(octave, PER_OCTAVE + j);
            }
        }
        return n;
    }

    /** Half counts are unsigned ints: good for 4.29 billion samples per bucket per half window. */
    private static long unsigned(int[] octave, int i) {
        return Integer.toUnsignedLong((int) COUNT.getVolatile(octave, i));
    }

    private static long rank(double q, long n) {
        return Math.max(1, (long) Math.ceil(q * n));
    }

    private static double clamp(double value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
