package io.kmon.metrics;

import java.math.BigInteger;

/**
 * The one bucket layout of kmon's timers: the exponential grid of Prometheus native histograms
 * and OpenTelemetry exponential histograms at schema {@value #SCHEMA}, 16 buckets per power of
 * two, anchored at 1 second. Grid bucket {@code i} holds the durations in
 * (2^((i-1)/16), 2^(i/16)] seconds (upper bound included, as a Prometheus {@code le}); OTLP's
 * index of the same bucket is {@code i - 1}.
 *
 * <p>Kept buckets run from the one holding 1 ns to the one holding {@link Timer#MAX_NANOS}
 * (2^53 ns, about 104 days): {@value #COUNT} buckets, grid indices {@value #MIN_INDEX} to
 * {@value #MAX_INDEX}. Inside kmon a bucket is named by its dense index {@code 0 .. COUNT-1}
 * ({@link #gridIndex} converts).
 *
 * <p>Error bound: a bucket spans a ratio r = 2^(1/16) = 1.0443, and its harmonic midpoint
 * 2·lo·hi/(lo+hi) is off by at most (r - 1) / (r + 1) = <b>2.17%</b> of any value in it. That
 * is the documented relative error of every kmon percentile.
 *
 * <p>Cost: {@link #index} uses no floating point. The power of two comes from
 * {@link Long#numberOfLeadingZeros}, the 8 bits after the leading one pick a candidate from a
 * 256-entry table (a cell of 1/256 of an octave crosses at most one bucket boundary, since the
 * anchor puts the boundaries at the same place in every octave of nanoseconds), and one compare
 * with the exact integer threshold of that bucket settles it. The thresholds are computed
 * exactly, in integers, so a duration on a boundary (1 s, 250 ms) lands where {@code le} says.
 */
final class BucketGrid {
    /** Prometheus native-histogram schema: 2^SCHEMA buckets per power of two. */
    static final int SCHEMA = 4;

    static final int PER_OCTAVE = 1 << SCHEMA;
    /** Grid index of the bucket holding 1 ns: ceil(16 log2(1e-9)). */
    static final int MIN_INDEX = -478;
    /** Grid index of the bucket holding 2^53 ns: ceil(16 log2(2^53 / 1e9)). */
    static final int MAX_INDEX = 370;

    static final int COUNT = MAX_INDEX - MIN_INDEX + 1;
    /** The documented bound on the relative error of an estimate: (r - 1) / (r + 1), r = 2^(1/16). */
    static final double RELATIVE_ERROR = 0.0217;

    private static final int MANTISSA_BITS = 8;
    private static final long LAST_EXACT = Timer.MAX_NANOS;
    /** THRESHOLD[k]: the largest duration in nanoseconds in dense bucket k. */
    private static final long[] THRESHOLD = new long[COUNT];
    /** CANDIDATE[m] + 16 e: the dense bucket of 2^e (1 + m/256) ns, the lowest value of its cell. */
    private static final int[] CANDIDATE = new int[1 << MANTISSA_BITS];

    private static final double[] ESTIMATE = new double[COUNT];
    private static final BigInteger NANOS_PER_SECOND_POW16 = BigInteger.TEN.pow(9 * PER_OCTAVE);

    static {
        for (int k = 0; k < COUNT; k++) {
            THRESHOLD[k] = largestIn(k + MIN_INDEX);
        }
        THRESHOLD[COUNT - 1] = Long.MAX_VALUE;
        // The cell lowest values are integers at a large power of two; their exact buckets give
        // the candidates for every octave, as the boundaries repeat each octave.
        int e = 40;
        for (int m = 0; m < CANDIDATE.length; m++) {
            long lowest = (1L << e) + ((long) m << (e - MANTISSA_BITS));
            CANDIDATE[m] = exactIndex(lowest) - PER_OCTAVE * e;
        }
        for (int k = 0; k < COUNT; k++) {
            double lo = upperSeconds(k + MIN_INDEX - 1) * 1e9;
            double hi = upperSeconds(k + MIN_INDEX) * 1e9;
            ESTIMATE[k] = 2 * lo * hi / (lo + hi);
        }
    }

    private BucketGrid() {}

    /** The dense bucket of a duration in nanoseconds; below 1 counts as 1, above 2^53 as 2^53. */
    static int index(long nanos) {
        // One unsigned compare sends both ends (nanos <= 1, nanos >= 2^53) to the slow branch.
        if (Long.compareUnsigned(nanos - 2, LAST_EXACT - 2) >= 0) {
            return nanos <= 1 ? 0 : COUNT - 1;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        int mantissa = exponent >= MANTISSA_BITS
                ? (int) (nanos >>> (exponent - MANTISSA_BITS)) & 0xFF
                : (int) (nanos << (MANTISSA_BITS - exponent)) & 0xFF;
        int k = PER_OCTAVE * exponent + CANDIDATE[mantissa];
        return nanos > THRESHOLD[k] ? k + 1 : k;
    }

    /** The grid index (Prometheus convention) of dense bucket {@code k}. */
    static int gridIndex(int k) {
        return k + MIN_INDEX;
    }

    /** The value that stands for every duration in dense bucket {@code k}, in nanoseconds. */
    static double estimate(int k) {
        return ESTIMATE[k];
    }

    /** The upper bound of grid bucket {@code gridIndex}, in seconds: 2^(gridIndex/16). */
    static double upperSeconds(int gridIndex) {
        int octave = Math.floorDiv(gridIndex, PER_OCTAVE);
        int step = Math.floorMod(gridIndex, PER_OCTAVE);
        // scalb keeps powers of two exact, so le="1.0" and le="0.25" print as such.
        return Math.scalb(step == 0 ? 1.0 : Math.pow(2, step / (double) PER_OCTAVE), octave);
    }

    /** The grid index of the boundary nearest {@code seconds} (which must be positive). */
    static int nearestGridIndex(double seconds) {
        return (int) Math.round(PER_OCTAVE * Math.log(seconds) / Math.log(2));
    }

    /** Whether {@code nanos} is at most the upper bound of grid bucket {@code gridIndex}, exactly. */
    static boolean atMost(long nanos, int gridIndex) {
        // nanos <= 1e9 * 2^(i/16)  <=>  nanos^16 <= 1e144 * 2^i, in integers.
        BigInteger left = BigInteger.valueOf(nanos).pow(PER_OCTAVE);
        BigInteger right = NANOS_PER_SECOND_POW16;
        if (gridIndex >= 0) {
            right = right.shiftLeft(gridIndex);
        } else {
            left = left.shiftLeft(-gridIndex);
        }
        return left.compareTo(right) <= 0;
    }

    /** The largest integer duration in grid bucket {@code gridIndex}: floor(1e9 * 2^(i/16)). */
    private static long largestIn(int gridIndex) {
        long guess = (long) Math.floor(upperSeconds(gridIndex) * 1e9);
        while (guess > 0 && !atMost(guess, gridIndex)) {
            guess--;
        }
        while (atMost(guess + 1, gridIndex)) {
            guess++;
        }
        return guess;
    }

    /** The dense bucket of {@code nanos} from the thresholds alone (a search; for set-up and tests). */
    static int exactIndex(long nanos) {
        int lo = 0;
        int hi = COUNT - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nanos <= THRESHOLD[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
