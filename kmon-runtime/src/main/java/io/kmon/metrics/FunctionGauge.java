package io.kmon.metrics;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A gauge whose value a supplier computes when read. The gauge holds a strong reference to
 * the supplier (unlike Micrometer's weak one), so a lambda is never collected from under it.
 *
 * <p>A supplier that throws or returns null reads NaN (left out of exports); the failure is
 * counted in {@link #failures()} and never reaches the reader.
 */
public final class FunctionGauge implements Meter {
    private final MeterId id;
    private final Supplier<? extends Number> supplier;
    private final LongAdder failures = new LongAdder();

    FunctionGauge(MeterId id, Supplier<? extends Number> supplier) {
        this.id = id;
        this.supplier = supplier;
    }

    /** The supplier's current value, or NaN when it throws or returns null. */
    public double value() {
        try {
            Number n = supplier.get();
            if (n != null) {
                return n.doubleValue();
            }
        } catch (RuntimeException e) {
            // contained: a broken supplier must not break an export
        }
        failures.increment();
        return Double.NaN;
    }

    /** How many reads failed (threw or returned null). */
    public long failures() {
        return failures.sum();
    }

    @Override
    public MeterId id() {
        return id;
    }

    @Override
    public MeterSnapshot snapshot(long nowMillis) {
        return new MeterSnapshot.GaugeSnapshot(id, value());
    }
}
