package io.kmon.metrics;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;

/**
 * Durations of the recent past in {@link LogBuckets}: two halves of the window, the current
 * one written and the previous one kept, so a read covers between a half and a whole window.
 *
 * <p>Concurrency: {@link #record} is lock-free and allocation-free: one atomic increment of an
 * {@code int} bucket plus a plain read (and a rare CAS) each for min and max. Rotation happens
 * on the read side ({@link #stats}), never on the hot path, under this object's lock; kmon's
 * sampler reads every timer each sample interval (10 s), so the halves' boundaries are exact
 * to within that interval without the hot path ever reading a clock. A write
 * racing a rotation lands in the half it read, which may be the one being cleared: the window
 * may miss that sample, the timer's cumulative count and sum never do.
 *
 * <p>Bucket counts are read as unsigned ints, good for 4.29 billion samples per bucket per
 * half window. Memory: two halves of 800 ints, about 6.5 KiB.
 */
final class WindowedHistogram {
    private final long halfMillis;
    private volatile Half current = new Half();
    private volatile Half previous = new Half();
    private long currentStart; // guarded by this

    WindowedHistogram(long windowMillis, long nowMillis) {
        this.halfMillis = Math.max(1, windowMillis / 2);
        this.currentStart = nowMillis;
    }

    void record(long nanos) {
        current.record(nanos);
    }

    /** The window's statistics at {@code nowMillis}, or empty when it holds no samples. */
    synchronized Optional<WindowStats> stats(long nowMillis) {
        rotate(nowMillis);
        // Only the buckets between min and max can hold samples: exports read every timer on
        // every scrape, and a method's durations usually span a few dozen of the 800 buckets.
        // A sample still being recorded outside that range is left for the next read.
        long min = Math.min(current.min.get(), previous.min.get());
        long max = Math.max(current.max.get(), previous.max.get());
        if (max < min) {
            return Optional.empty();
        }
        int lo = LogBuckets.index(min);
        long[] counts = new long[LogBuckets.index(max) - lo + 1];
        long n = current.addTo(counts, lo) + previous.addTo(counts, lo);
        if (n == 0) {
            return Optional.empty();
        }
        // One pass for the mean and all three percentiles: exports read every timer each scrape.
        long[] ranks = {rank(0.50, n), rank(0.95, n), rank(0.99, n)};
        double[] quantiles = new double[ranks.length];
        int next = 0;
        long seen = 0;
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            if (c == 0) {
                continue;
            }
            double estimate = LogBuckets.estimate(lo + i);
            sum += c * estimate;
            seen += c;
            while (next < ranks.length && seen >= ranks[next]) {
                quantiles[next++] = clamp(estimate, min, max);
            }
        }
        return Optional.of(new WindowStats(n, min, max, clamp(sum / n, min, max), quantiles[0], quantiles[1], quantiles[2]));
    }

    private void rotate(long nowMillis) {
        long halves = (nowMillis - currentStart) / halfMillis;
        if (halves <= 0) {
            return;
        }
        Half recycled = previous;
        recycled.clear();
        if (halves == 1) {
            previous = current;
            current = recycled;
        } else {
            current.clear();
        }
        currentStart += halves * halfMillis;
    }

    private static long rank(double q, long n) {
        return Math.max(1, (long) Math.ceil(q * n));
    }

    private static double clamp(double value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    /** One half of the window. */
    private static final class Half {
        final AtomicIntegerArray buckets = new AtomicIntegerArray(LogBuckets.COUNT);
        final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

        void record(long nanos) {
            buckets.getAndIncrement(LogBuckets.index(nanos));
            // Plain reads first: min and max change rarely, so the CAS almost never runs.
            long m;
            while (nanos > (m = max.get()) && !max.compareAndSet(m, nanos)) {
                // retry
            }
            while (nanos < (m = min.get()) && !min.compareAndSet(m, nanos)) {
                // retry
            }
        }

        /** Adds buckets {@code from .. from + counts.length - 1} into {@code counts}; returns their sum. */
        long addTo(long[] counts, int from) {
            long n = 0;
            for (int i = 0; i < counts.length; i++) {
                long c = Integer.toUnsignedLong(buckets.get(from + i));
                counts[i] += c;
                n += c;
            }
            return n;
        }

        void clear() {
            for (int i = 0; i < LogBuckets.COUNT; i++) {
                buckets.set(i, 0);
            }
            min.set(Long.MAX_VALUE);
            max.set(Long.MIN_VALUE);
        }
    }
}
