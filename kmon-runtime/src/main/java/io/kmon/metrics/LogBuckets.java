package io.kmon.metrics;

/**
 * The bucket layout of kmon's duration histograms: logarithmic, 20 buckets per power of two,
 * from 1 ns to 2^40 ns (about 18 minutes; longer values land in the last bucket).
 *
 * <p>The index is computed without {@code Math.log}: the power of two comes from
 * {@link Long#numberOfLeadingZeros}, and the 8 bits after the leading one pick a sub-bucket
 * from a 256-entry table built with {@code log2}. A bucket therefore spans a ratio of at most
 * 2^(1/20) x (1 + 1/256) = 1.0394, and reporting its harmonic midpoint is off by at most
 * (r - 1) / (r + 1) = <b>1.93%</b> of the true value. That is the documented relative error
 * of every kmon percentile.
 */
final class LogBuckets {
    static final int PER_OCTAVE = 20;
    static final int OCTAVES = 40;
    static final int COUNT = PER_OCTAVE * OCTAVES;
    /** The documented bound on the relative error of an estimate. */
    static final double RELATIVE_ERROR = 0.0193;

    private static final int MANTISSA_BITS = 8;
    private static final byte[] SUB_BUCKET = new byte[1 << MANTISSA_BITS];
    private static final double[] ESTIMATE = new double[COUNT];

    static {
        for (int m = 0; m < SUB_BUCKET.length; m++) {
            double log2 = Math.log1p(m / 256.0) / Math.log(2);
            SUB_BUCKET[m] = (byte) Math.min(PER_OCTAVE - 1, (int) Math.floor(PER_OCTAVE * log2));
        }
        // Lower and upper bounds of each sub-bucket, as fractions of its power of two.
        double[] lower = new double[PER_OCTAVE];
        double[] upper = new double[PER_OCTAVE];
        for (int m = SUB_BUCKET.length - 1; m >= 0; m--) {
            lower[SUB_BUCKET[m]] = 1 + m / 256.0;
        }
        for (int m = 0; m < SUB_BUCKET.length; m++) {
            upper[SUB_BUCKET[m]] = 1 + (m + 1) / 256.0;
        }
        for (int e = 0; e < OCTAVES; e++) {
            double scale = Math.scalb(1.0, e);
            for (int j = 0; j < PER_OCTAVE; j++) {
                double lo = lower[j] * scale;
                double hi = upper[j] * scale;
                ESTIMATE[e * PER_OCTAVE + j] = 2 * lo * hi / (lo + hi);
            }
        }
    }

    private LogBuckets() {}

    /** The bucket of a duration in nanoseconds; values below 1 count as 1. */
    static int index(long nanos) {
        if (nanos <= 1) {
            return 0;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent >= OCTAVES) {
            return COUNT - 1;
        }
        int mantissa = exponent >= MANTISSA_BITS
                ? (int) (nanos >>> (exponent - MANTISSA_BITS)) & 0xFF
                : (int) (nanos << (MANTISSA_BITS - exponent)) & 0xFF;
        return exponent * PER_OCTAVE + SUB_BUCKET[mantissa];
    }

    /** The value that stands for every duration in the bucket. */
    static double estimate(int index) {
        return ESTIMATE[index];
    }
}
