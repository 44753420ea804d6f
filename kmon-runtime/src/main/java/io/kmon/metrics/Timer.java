package io.kmon.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Durations: a cumulative count, sum and buckets (what Prometheus and OTLP histograms need), and
 * a sliding window with exact min and max and p50/p95/p99 within <b>2.17%</b> relative error,
 * both on one grid of buckets (Prometheus native-histogram schema 4, see {@link CumulativeBuckets}).
 *
 * <pre>{@code
 * Timer timer = kmon.timer("db.query");
 * try (Timer.Sample s = timer.start()) {
 *     runQuery();
 * }
 * timer.record(() -> runQuery());                 // the same, for a Runnable
 * List<Row> rows = timer.record(() -> query());   // or a Supplier, returning its value
 * timer.record(Duration.ofMillis(12));            // a duration measured elsewhere
 * }</pre>
 *
 * <p>A {@code Runnable} or {@code Supplier} that throws is timed too, and its exception
 * goes on unchanged.
 *
 * <p>Hot path: {@link #record} takes no lock and allocates nothing: two {@link LongAdder}s
 * and one bucket increment in the window, all striped once threads collide, so threads timing
 * the same series do not share a cache line; the cumulative buckets are folded from the window
 * on the read side.
 * Memory grows with the octaves of durations seen, not with the call rate: about 0.3 KiB, plus
 * 208 B per octave (16 buckets) touched (see {@code WindowedHistogram}).
 */
public final class Timer implements Meter {
    private final MeterId id;
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final WindowedHistogram window;

    Timer(MeterId id, long windowMillis, long nowMillis) {
        this.id = id;
        this.window = new WindowedHistogram(windowMillis, nowMillis);
    }

    /** Longest duration recorded, in nanoseconds (2^53, about 104 days); longer ones count as this. */
    public static final long MAX_NANOS = 1L << 53;

    /**
     * Records one duration; negative values count as zero, values over {@link #MAX_NANOS} as that.
     *
     * @param nanos the duration in nanoseconds
     */
    public void record(long nanos) {
        // Clamped, so the sum needs over a thousand 104-day durations to pass Long.MAX_VALUE,
        // and totalNanos() can saturate at a negative sum instead of wrapping. One unsigned
        // compare catches both negative and huge values: the common path does one compare, as
        // the plain negative check it replaces did.
        long n = nanos;
        if (Long.compareUnsigned(n, MAX_NANOS) > 0) {
            n = n < 0 ? 0 : MAX_NANOS;
        }
        count.increment();
        totalNanos.add(n);
        window.record(n);
    }

    /**
     * Records one duration, as {@link #record(long)} does with its nanoseconds (saturating).
     *
     * @param duration the duration
     */
    public void record(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = duration.isNegative() ? 0 : MAX_NANOS;
        }
        record(nanos);
    }

    /**
     * Records one duration of {@code amount} {@code unit}s, as {@link #record(long)} does.
     *
     * @param amount the duration in {@code unit}s
     * @param unit the unit of {@code amount}
     */
    public void record(long amount, TimeUnit unit) {
        record(Objects.requireNonNull(unit, "unit").toNanos(amount));
    }

    /**
     * Runs {@code task} and records how long it took, whether it returned or threw.
     *
     * @param task the work to time
     */
    public void record(Runnable task) {
        Objects.requireNonNull(task, "task");
        long start = System.nanoTime();
        try {
            task.run();
        } finally {
            record(System.nanoTime() - start);
        }
    }

    /**
     * Calls {@code task} and records how long it took, whether it returned or threw.
     *
     * @param <T> the type of the value
     * @param task the work to time
     * @return what {@code task} returned
     */
    public <T> T record(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        long start = System.nanoTime();
        try {
            return task.get();
        } finally {
            record(System.nanoTime() - start);
        }
    }

    /** {@return a started sample} Closing it records the elapsed time once. */
    public Sample start() {
        return new Sample(this, System.nanoTime());
    }

    /** {@return how many durations were recorded so far} */
    public long count() {
        return count.sum();
    }

    /** {@return the sum of all durations, in nanoseconds} {@link Long#MAX_VALUE} once it passes that. */
    public long totalNanos() {
        long sum = totalNanos.sum();
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public MeterId id() {
        return id;
    }

    @Override
    public MeterSnapshot.TimerSnapshot snapshot(long nowMillis) {
        // Count is read before the window so a snapshot never shows more window samples than calls.
        long n = count();
        long total = totalNanos();
        WindowedHistogram.Reading reading = window.read(nowMillis);
        return new MeterSnapshot.TimerSnapshot(id, n, total, reading.window(), reading.cumulative());
    }

    /** One timing in progress; {@link #close()} records it (again-closing does nothing). */
    public static final class Sample implements AutoCloseable {
        private final Timer timer;
        private final long startNanos;
        private boolean closed;

        private Sample(Timer timer, long startNanos) {
            this.timer = timer;
            this.startNanos = startNanos;
        }

        /**
         * Records the time since {@link Timer#start()}.
         *
         * @return the time recorded, in nanoseconds
         */
        public long stop() {
            long elapsed = System.nanoTime() - startNanos;
            if (!closed) {
                closed = true;
                timer.record(elapsed);
            }
            return elapsed;
        }

        @Override
        public void close() {
            stop();
        }
    }
}
