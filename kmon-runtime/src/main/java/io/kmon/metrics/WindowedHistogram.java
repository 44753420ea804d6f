package io.kmon.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A timer's durations on the {@link BucketGrid}: the recent past in two halves of the window
 * (the current one written, the previous one kept, so a read covers between a half and a whole
 * window), and everything since start as those halves plus the counts of halves that have left
 * the window, folded in when they rotate out.
 *
 * <p>Layout: one {@code int[48]} per octave of the grid (16 buckets), allocated on the first
 * sample in that octave: half 0's counts, half 1's counts, then the low 32 bits of the folded
 * counts. Their high bits, needed only past 4.29 billion samples in one bucket, get an
 * {@code int[16]} of their own when a fold first carries into them. A method whose calls
 * span 1 µs to 1 ms touches 10 octaves.
 *
 * <p>Concurrency: {@link #record} is lock-free and allocation-free once its octave exists: a
 * read of which half is current, one atomic increment of an {@code int} count, and a plain
 * read (and a rare CAS) each for that half's min and max. The cumulative side costs it
 * nothing. Rotation and folding happen on the read side ({@link #read}) under this object's
 * lock; kmon's sampler reads every timer each sample interval (10 s), so the halves'
 * boundaries are exact to within that interval without the hot path ever reading a clock. A
 * half is folded with one atomic get-and-clear per count, so a write racing a rotation is
 * never lost from the cumulative counts (the window may see it one half late). Half counts are
 * read as unsigned ints, good for 4.29 billion samples per bucket per half window.
 *
 * <p>Striping: the count is incremented with a compare-and-set, and the first one that fails
 * (two threads on one bucket line at once) gives the histogram stripes, as {@code LongAdder}
 * does its cells: further records go to the octave arrays of the thread's own stripe (chosen by
 * a per-thread probe, moved on each further collision; at most the next power of two of the
 * processor count), so threads timing one method stop sharing a cache line. Until then the
 * record path is the plain one, and a method called from one thread never has stripes. Reads
 * add up the stripes; the folded counts live in stripe 0.
 */
final class WindowedHistogram {
    static final int OCTAVE_BITS = 4;
    static final int PER_OCTAVE = 1 << OCTAVE_BITS;
    static final int OCTAVE_MASK = PER_OCTAVE - 1;
    static final int OCTAVES = (BucketGrid.COUNT + OCTAVE_MASK) >>> OCTAVE_BITS;
    /** Where the folded counts' low bits start in an octave array. */
    static final int FOLDED = 2 * PER_OCTAVE;

    private static final VarHandle OCTAVE = MethodHandles.arrayElementVarHandle(int[][].class);
    static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle EXTREME = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STRIPE_TABLE = MethodHandles.arrayElementVarHandle(int[][][].class);
    private static final VarHandle STRIPES;
    private static final int MAX_STRIPES =
            Math.max(2, Integer.highestOneBit(Runtime.getRuntime().availableProcessors() * 2 - 1));
    /** Per thread: which stripe it records into, moved on each collision. */
    private static final ThreadLocal<int[]> PROBE =
            ThreadLocal.withInitial(() -> new int[] {ThreadLocalRandom.current().nextInt() | 1});

    static {
        if (PER_OCTAVE != BucketGrid.PER_OCTAVE) {
            throw new AssertionError("one allocation per octave of the grid");
        }
        try {
            STRIPES = MethodHandles.lookup().findVarHandle(WindowedHistogram.class, "stripes", int[][][].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long halfMillis;
    /** Stripe 0's octave arrays, which also hold the folded counts. */
    private final int[][] octaves = new int[OCTAVES][];
    /** Null until two records collide; then {@code stripes[0] == octaves}, other stripes made on use. */
    private volatile int[][][] stripes;
    /** Per half {@code h}: its min at {@code 2h}, its max at {@code 2h + 1}. */
    private final long[] extremes = {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
    /** 0 or 1: the half written now. */
    private volatile int current;

    private long currentStart; // guarded by this
    private int[][] foldedHigh; // guarded by this; allocated on the first carry

    WindowedHistogram(long windowMillis, long nowMillis) {
        this.halfMillis = Math.max(1, windowMillis / 2);
        this.currentStart = nowMillis;
    }

    void record(long nanos) {
        int half = current;
        int k = BucketGrid.index(nanos);
        int o = k >>> OCTAVE_BITS;
        int i = half * PER_OCTAVE + (k & OCTAVE_MASK);
        int[][][] striped = stripes;
        if (striped == null) {
            int[] octave = octave(octaves, o);
            if (octave == null) {
                octave = allocate(octaves, o);
            }
            int c = (int) COUNT.get(octave, i);
            if (!COUNT.compareAndSet(octave, i, c, c + 1)) {
                recordStriped(stripe(), o, i, true);
            }
        } else {
            recordStriped(striped, o, i, false);
        }
        // Read before CAS: min and max change rarely, so the CAS almost never runs.
        int max = 2 * half + 1;
        long m;
        while (nanos > (m = (long) EXTREME.getVolatile(extremes, max))
                && !EXTREME.compareAndSet(extremes, max, m, nanos)) {
            // retry
        }
        while (nanos < (m = (long) EXTREME.getVolatile(extremes, max - 1))
                && !EXTREME.compareAndSet(extremes, max - 1, m, nanos)) {
            // retry
        }
    }

    /** The path after a collision: the thread's own stripe, moved on to another when it collides. */
    private static void recordStriped(int[][][] striped, int o, int i, boolean collided) {
        int[] probe = PROBE.get();
        if (collided) {
            probe[0] = next(probe[0]);
        }
        int s = probe[0] & (striped.length - 1);
        int[][] table = table(striped, s);
        if (table == null) {
            table = stripeTable(striped, s);
        }
        int[] octave = octave(table, o);
        if (octave == null) {
            octave = allocate(table, o);
        }
        int c = (int) COUNT.get(octave, i);
        if (!COUNT.compareAndSet(octave, i, c, c + 1)) {
            probe[0] = next(probe[0]); // collided here too: try another stripe next time
            int unused = (int) COUNT.getAndAdd(octave, i, 1);
        }
    }

    /** Whether records have collided and the histogram has stripes. */
    boolean striped() {
        return stripes != null;
    }

    /** The stripes, made on the first collision; racing threads agree on one array. */
    private int[][][] stripe() {
        int[][][] s = stripes;
        if (s == null) {
            int[][][] fresh = new int[MAX_STRIPES][][];
            fresh[0] = octaves;
            s = (int[][][]) STRIPES.compareAndExchange(this, (int[][][]) null, fresh);
            if (s == null) {
                s = fresh;
            }
        }
        return s;
    }

    private static int[][] stripeTable(int[][][] striped, int s) {
        int[][] fresh = new int[OCTAVES][];
        int[][] witness = (int[][]) STRIPE_TABLE.compareAndExchange(striped, s, (int[][]) null, fresh);
        return witness == null ? fresh : witness;
    }

    /** Marsaglia's xorshift: a probe's next stripe. */
    private static int next(int probe) {
        int p = probe;
        p ^= p << 13;
        p ^= p >>> 17;
        p ^= p << 5;
        return p;
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
        long min = Math.min(extreme(0), extreme(2));
        long max = Math.max(extreme(1), extreme(3));
        return new Reading(
                HistogramReader.stats(tables(), min, max), HistogramReader.cumulative(tables(), octaves, foldedHigh));
    }

    /** Stripe 0 alone until a collision made stripes; then every stripe (some may be null). */
    private int[][][] tables() {
        int[][][] s = stripes;
        return s == null ? new int[][][] {octaves} : s;
    }

    private void rotate(long nowMillis) {
        long halves = (nowMillis - currentStart) / halfMillis;
        if (halves <= 0) {
            return;
        }
        int recycled = 1 - current;
        fold(recycled);
        if (halves == 1) {
            current = recycled;
        } else {
            fold(1 - recycled); // the whole window has passed: both halves leave it
        }
        currentStart += halves * halfMillis;
    }

    /** Moves half {@code h}'s counts, in every stripe, into stripe 0's folded counts and empties it. */
    private void fold(int h) {
        EXTREME.setVolatile(extremes, 2 * h, Long.MAX_VALUE);
        EXTREME.setVolatile(extremes, 2 * h + 1, Long.MIN_VALUE);
        int[][][] tables = tables();
        for (int t = 0; t < tables.length; t++) {
            int[][] table = table(tables, t);
            for (int o = 0; table != null && o < OCTAVES; o++) {
                int[] octave = octave(table, o);
                if (octave == null) {
                    continue;
                }
                for (int j = 0; j < PER_OCTAVE; j++) {
                    long c = Integer.toUnsignedLong((int) COUNT.getAndSet(octave, h * PER_OCTAVE + j, 0));
                    if (c != 0) {
                        addFolded(o, j, c);
                    }
                }
            }
        }
    }

    /** Only this lock's holder touches the folded counts; record never does. */
    private void addFolded(int o, int j, long c) {
        int[] octave = octave(octaves, o);
        if (octave == null) {
            octave = allocate(octaves, o);
        }
        long sum = Integer.toUnsignedLong(octave[FOLDED + j]) + c;
        octave[FOLDED + j] = (int) sum;
        if (sum >>> 32 != 0) {
            carry(o)[j]++;
        }
    }

    private int[] carry(int o) {
        if (foldedHigh == null) {
            foldedHigh = new int[OCTAVES][];
        }
        if (foldedHigh[o] == null) {
            foldedHigh[o] = new int[PER_OCTAVE];
        }
        return foldedHigh[o];
    }

    static int[][] table(int[][][] tables, int t) {
        return (int[][]) STRIPE_TABLE.getAcquire(tables, t);
    }

    static int[] octave(int[][] table, int o) {
        return (int[]) OCTAVE.getAcquire(table, o);
    }

    /** The first sample of an octave allocates it; racing threads agree on one array. */
    private static int[] allocate(int[][] table, int o) {
        int[] fresh = new int[3 * PER_OCTAVE];
        int[] witness = (int[]) OCTAVE.compareAndExchange(table, o, (int[]) null, fresh);
        return witness == null ? fresh : witness;
    }

    private long extreme(int i) {
        return (long) EXTREME.getVolatile(extremes, i);
    }
}
