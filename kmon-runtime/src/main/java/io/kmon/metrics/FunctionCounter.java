package io.kmon.metrics;

import java.util.function.LongSupplier;

/**
 * A counter whose value is computed when read, from other monotonic counts.
 *
 * <p>kmon uses it for {@code <prefix>.calls} = successes + errors, which saves one atomic
 * increment per monitored call; the sum of two monotonic reads is itself monotonic.
 */
public final class FunctionCounter implements Meter {
    private final MeterId id;
    private final LongSupplier count;

    FunctionCounter(MeterId id, LongSupplier count) {
        this.id = id;
        this.count = count;
    }

    /** The current count. */
    public long count() {
        return count.getAsLong();
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
