package io.kmon.metrics;

import java.util.Arrays;

/**
 * A timer's bucket counts since it was created, on kmon's one grid: Prometheus native-histogram
 * schema {@value #SCHEMA} (16 buckets per power of two, anchored at 1 second), so they export
 * losslessly as a native histogram, an OTLP exponential histogram (index - 1) or classic
 * buckets at grid boundaries. Only buckets that hold samples are listed, in grid order.
 * Immutable.
 */
public final class CumulativeBuckets {
    /** The Prometheus native-histogram schema of the grid. */
    public static final int SCHEMA = BucketGrid.SCHEMA;
    /** No samples. */
    public static final CumulativeBuckets EMPTY = new CumulativeBuckets(new int[0], new long[0]);

    private final int[] indices;
    private final long[] counts;
    private final long total;

    CumulativeBuckets(int[] indices, long[] counts) {
        this.indices = indices;
        this.counts = counts;
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        this.total = sum;
    }

    /** {@return how many buckets hold samples} */
    public int size() {
        return indices.length;
    }

    /**
     * {@return the grid index i of the {@code k}-th listed bucket, which holds (2^((i-1)/16), 2^(i/16)] seconds}
     *
     * @param k a position, 0 to {@code size() - 1}
     */
    public int gridIndex(int k) {
        return indices[k];
    }

    /**
     * {@return the samples in the {@code k}-th listed bucket}
     *
     * @param k a position, 0 to {@code size() - 1}
     */
    public long count(int k) {
        return counts[k];
    }

    /** {@return all samples: the sum of the buckets} */
    public long total() {
        return total;
    }

    /**
     * {@return the samples in grid buckets up to and including {@code gridIndex}, as a classic {@code le} counts}
     *
     * @param gridIndex the grid index of the boundary
     */
    public long countAtMost(int gridIndex) {
        long n = 0;
        for (int k = 0; k < indices.length && indices[k] <= gridIndex; k++) {
            n += counts[k];
        }
        return n;
    }

    /**
     * {@return the upper bound of grid bucket {@code gridIndex} in seconds: 2^(gridIndex/16)}
     *
     * @param gridIndex a grid index
     */
    public static double upperBoundSeconds(int gridIndex) {
        return BucketGrid.upperSeconds(gridIndex);
    }

    /**
     * {@return the grid index whose upper bound is nearest {@code seconds}}
     *
     * @param seconds a duration in seconds, positive and finite
     * @throws IllegalArgumentException when {@code seconds} is not positive and finite
     */
    public static int nearestGridIndex(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a bucket boundary must be positive and finite: " + seconds);
        }
        return BucketGrid.nearestGridIndex(seconds);
    }

    /** {@return the grid indices of the listed buckets (a copy)} */
    public int[] gridIndices() {
        return indices.clone();
    }

    /** {@return the counts of the listed buckets (a copy)} */
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CumulativeBuckets b && Arrays.equals(indices, b.indices) && Arrays.equals(counts, b.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CumulativeBuckets{");
        for (int k = 0; k < indices.length; k++) {
            b.append(k == 0 ? "" : ", ").append(indices[k]).append('=').append(counts[k]);
        }
        return b.append('}').toString();
    }
}
