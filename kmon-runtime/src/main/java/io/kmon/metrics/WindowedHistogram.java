package io.kmon.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timer's durations on the {@link BucketGrid}: the recent past in two halves of the window
 * (the current one written, the previous one kept, so a read covers between a half and a whole
 * window), and everything since start as those halves plus the counts of halves that have left
 * the window, folded in when they rotate out.
 *
 * <p>Concurrency: {@link #record} is lock-free and allocation-free once a bucket's octave has
 * been touched: one atomic increment of an {@code int} bucket plus a plain read (and a rare
 * CAS) each for min and max, as before cumulative counts existed: the cumulative side costs the
 * hot path nothing. Rotation and folding happen on the read side ({@link #read}) under this
 * object's lock; kmon's sampler reads every timer each sample interval (10 s), so the halves'
 * boundaries are exact to within that interval without the hot path ever reading a clock. A
 * half is folded with one atomic get-and-clear per bucket, so a write racing a rotation is
 * never lost from the cumulative counts (the window may see it one half late).
 *
 * <p>Memory: buckets are allocated an octave (16 {@code int}s) at a time, on a half's first
 * sample in that octave, and folded counts 16 {@code long}s at a time: a method whose calls
 * span 1 µs to 1 ms touches 10 octaves. Bucket counts in a half are read as unsigned ints,
 * good for 4.29 billion samples per bucket per half window; folded counts are {@code long}s.
 */
final class WindowedHistogram {
    private static final int OCTAVE_BITS = 4;
    private static final int OCTAVE_MASK = (1 << OCTAVE_BITS) - 1;
    private static final int OCTAVES = (BucketGrid.COUNT + OCTAVE_MASK) >>> OCTAVE_BITS;
    private static final VarHandle OCTAVE = MethodHandles.arrayElementVarHandle(int[][].class);
    private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(int[].class);

    static {
        if (1 << OCTAVE_BITS != BucketGrid.PER_OCTAVE) {
            throw new AssertionError("one allocation per octave of the grid");
        }
    }

    private final long halfMillis;
    private volatile Half current = new Half();
    private volatile Half previous = new Half();
    private long currentStart; // guarded by this
    private long[][] folded; // guarded by this; allocated on the first fold

    WindowedHistogram(long windowMillis, long nowMillis) {
        this.halfMillis = Math.max(1, windowMillis / 2);
        this.currentStart = nowMillis;
    }

    void record(long nanos) {
        current.record(nanos);
    }

    /**
     * The window's statistics (empty when it holds no samples) and the cumulative buckets.
     *
     * @param window the sliding window
     * @param cumulative every sample since start
     */
    record Reading(Optional<WindowStats> window, CumulativeBuckets cumulative) {}

    /** Both views at {@code nowMillis}, read under one lock so they agree. */
    synchronized Reading read(long nowMillis) {
        rotate(nowMillis);
        return new Reading(stats(), cumulative());
    }

    private Optional<WindowStats> stats() {
        // Only the buckets between min and max can hold samples: exports read every timer on
        // every scrape, and a method's durations usually span a few dozen of the 849 buckets.
        // A sample still being recorded outside that range is left for the next read.
        Half cur = current;
        Half prev = previous;
        long min = Math.min(cur.min.get(), prev.min.get());
        long max = Math.max(cur.max.get(), prev.max.get());
        if (max < min) {
            return Optional.empty();
        }
        int lo = BucketGrid.index(min);
        int hi = BucketGrid.index(max);
        long n = 0;
        for (int k = lo; k <= hi; k++) {
            n += cur.count(k) + prev.count(k);
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
            long c = Math.min(cur.count(k) + prev.count(k), n - seen); // writes since the first pass wait
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
        return Optional.of(new WindowStats(n, min, max, clamp(sum / n, min, max), quantiles[0], quantiles[1], quantiles[2]));
    }

    private CumulativeBuckets cumulative() {
        Half cur = current;
        Half prev = previous;
        int[] indices = new int[32];
        long[] counts = new long[32];
        int size = 0;
        for (int o = 0; o < OCTAVES; o++) {
            int[] a = cur.octave(o);
            int[] b = prev.octave(o);
            long[] f = folded == null ? null : folded[o];
            if (a == null && b == null && f == null) {
                continue;
            }
            for (int j = 0; j <= OCTAVE_MASK; j++) {
                long c = unsigned(a, j) + unsigned(b, j) + (f == null ? 0 : f[j]);
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
        return size == 0 ? CumulativeBuckets.EMPTY
                : new CumulativeBuckets(Arrays.copyOf(indices, size), Arrays.copyOf(counts, size));
    }

    private void rotate(long nowMillis) {
        long halves = (nowMillis - currentStart) / halfMillis;
        if (halves <= 0) {
            return;
        }
        Half recycled = previous;
        fold(recycled);
        if (halves == 1) {
            previous = current;
            current = recycled;
        } else {
            fold(current); // the whole window has passed: both halves leave it
        }
        currentStart += halves * halfMillis;
    }

    /** Moves a half's counts into {@link #folded} and empties it; its octaves stay allocated. */
    private void fold(Half half) {
        half.min.set(Long.MAX_VALUE);
        half.max.set(Long.MIN_VALUE);
        for (int o = 0; o < OCTAVES; o++) {
            int[] octave = half.octave(o);
            if (octave == null) {
                continue;
            }
            for (int j = 0; j <= OCTAVE_MASK; j++) {
                long c = Integer.toUnsignedLong((int) BUCKET.getAndSet(octave, j, 0));
                if (c != 0) {
                    foldedOctave(o)[j] += c;
                }
            }
        }
    }

    private long[] foldedOctave(int o) {
        if (folded == null) {
            folded = new long[OCTAVES][];
        }
        long[] f = folded[o];
        if (f == null) {
            f = new long[OCTAVE_MASK + 1];
            folded[o] = f;
        }
        return f;
    }

    private static long unsigned(int[] octave, int j) {
        return octave == null ? 0 : Integer.toUnsignedLong((int) BUCKET.getVolatile(octave, j));
    }

    private static long rank(double q, long n) {
        return Math.max(1, (long) Math.ceil(q * n));
    }

    private static double clamp(double value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    /** One half of the window. */
    private static final class Half {
        final int[][] octaves = new int[OCTAVES][];
        final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

        void record(long nanos) {
            int k = BucketGrid.index(nanos);
            int[] octave = octave(k >>> OCTAVE_BITS);
            if (octave == null) {
                octave = allocate(k >>> OCTAVE_BITS);
            }
            int unused = (int) BUCKET.getAndAdd(octave, k & OCTAVE_MASK, 1);
            // Plain reads first: min and max change rarely, so the CAS almost never runs.
            long m;
            while (nanos > (m = max.get()) && !max.compareAndSet(m, nanos)) {
                // retry
            }
            while (nanos < (m = min.get()) && !min.compareAndSet(m, nanos)) {
                // retry
            }
        }

        int[] octave(int o) {
            return (int[]) OCTAVE.getAcquire(octaves, o);
        }

        /** The first sample of an octave allocates it; racing threads agree on one array. */
        private int[] allocate(int o) {
            int[] fresh = new int[OCTAVE_MASK + 1];
            int[] witness = (int[]) OCTAVE.compareAndExchange(octaves, o, (int[]) null, fresh);
            return witness == null ? fresh : witness;
        }

        long count(int k) {
            return unsigned(octave(k >>> OCTAVE_BITS), k & OCTAVE_MASK);
        }
    }
}
