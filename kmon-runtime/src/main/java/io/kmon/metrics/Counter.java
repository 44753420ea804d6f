package io.kmon.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A monotonically increasing count.
 *
 * <p>Backed by a {@link LongAdder}: an increment is one uncontended CAS on a base cell, and
 * under contention each thread moves to its own padded cell, so threads counting the same
 * series do not fight over one cache line. Reads ({@link #count()}) sum the cells; they are
 * rare (exports, rules) and may miss increments in flight, never lose them.
 */
public final class Counter implements Meter {
    private final MeterId id;
    private final LongAdder count = new LongAdder();

    Counter(MeterId id) {
        this.id = id;
    }

    /** Adds one. */
    public void increment() {
        count.increment();
    }

    /**
     * Adds {@code amount}.
     *
     * @param amount how much to add; zero or more
     * @throws IllegalArgumentException when {@code amount} is negative
     */
    public void increment(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("counter " + id + " cannot decrease: " + amount);
        }
        count.add(amount);
    }

    /** {@return the count so far} */
    public long count() {
        return count.sum();
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
