package io.kmon.metrics;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A counter whose value is computed when read, from other monotonic counts: the sum of its
 * functions. It has one, except for an overflow series of the cardinality cap, which sums the
 * function of every series folded into it, and for kmon's own counters, where each
 * registration adds its count ({@link MeterRegistry#ownCounter}).
 *
 * <p>kmon uses it for a monitored method's {@code <prefix>.successes} and {@code .errors} (its
 * own adders) and {@code <prefix>.calls} = successes + errors, which saves one atomic
 * increment per monitored call; a sum of monotonic reads is itself monotonic.
 *
 * <p>A function that throws (an exception or an {@link Error}) reads as the last good value,
 * so the counter never appears to go backwards; the failure goes to the registry's hook (kmon
 * counts and logs it as an internal failure) and never reaches the reader.
 *
 * <p>A user's function ({@link MeterRegistry#functionCounter}) is called through the registry's
 * {@link CallbackReader}: late or hung, it reads as the last good value. kmon's own
 * ({@link MeterRegistry#ownCounter}), sums of its own counters, are read inline.
 */
public final class FunctionCounter implements Meter {
    private final MeterId id;
    private volatile LongSupplier[] counts; // copy on write: joins are rare, reads lock-free
    private final BiConsumer<MeterId, Throwable> onFailure;
    private final CallbackReader reader; // null: read inline
    private final AtomicReference<CompletableFuture<Object>> inFlight = new AtomicReference<>();
    private volatile long last;

    FunctionCounter(MeterId id, LongSupplier count, BiConsumer<MeterId, Throwable> onFailure, CallbackReader reader) {
        this.id = id;
        this.counts = new LongSupplier[] {count};
        this.onFailure = onFailure;
        this.reader = reader;
    }

    /**
     * {@return the current count} The last good one when the function fails, is late or still
     * runs.
     */
    public long count() {
        try {
            if (reader == null) {
                long now = sum();
                last = now;
                return now;
            }
            Object read = reader.read(inFlight, this::sum);
            if (read == CallbackReader.STUCK) {
                return last;
            }
            long now = (Long) read;
            last = now;
            return now;
        } catch (Throwable e) {
            ReadFailures.report(onFailure, id, e);
            return last;
        }
    }

    /** Adds {@code count} to this counter's sum. */
    synchronized void join(LongSupplier count) {
        LongSupplier[] now = Arrays.copyOf(counts, counts.length + 1);
        now[counts.length] = count;
        counts = now;
    }

    private long sum() {
        long total = 0;
        for (LongSupplier c : counts) {
            total += c.getAsLong();
        }
        return total;
    }

    @Override
    public MeterId id() {
        return id;
    }

    @Override
    public MeterSnapshot snapshot(long nowMillis) {
        return new MeterSnapshot.CounterSnapshot(id, count());
    }
}
