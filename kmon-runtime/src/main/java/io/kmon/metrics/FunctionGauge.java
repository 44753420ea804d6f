package io.kmon.metrics;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A gauge whose value a supplier computes when read. The gauge holds a strong reference to
 * the supplier (unlike Micrometer's weak one), so a lambda is never collected from under it.
 *
 * <p>A supplier that throws (an exception or an {@link Error}) or returns null reads NaN (left
 * out of exports); the failure is counted in {@link #failures()}, reported to the registry's
 * failure hook (kmon counts and logs it as an internal failure), and never reaches the reader:
 * one broken gauge must not fail every export.
 */
public final class FunctionGauge implements Meter {
    private final MeterId id;
    private final Supplier<? extends Number> supplier;
    private final BiConsumer<MeterId, Throwable> onFailure;
    private final LongAdder failures = new LongAdder();

    FunctionGauge(MeterId id, Supplier<? extends Number> supplier, BiConsumer<MeterId, Throwable> onFailure) {
        this.id = id;
        this.supplier = supplier;
        this.onFailure = onFailure;
    }

    /** The supplier's current value, or NaN when it throws or returns null. */
    public double value() {
        Throwable failure;
        try {
            Number n = supplier.get();
            if (n != null) {
                return n.doubleValue();
            }
            failure = new NullPointerException("gauge supplier returned null");
        } catch (RuntimeException | Error e) {
            failure = e; // an Error too (a missing class, an assertion): contained, or every export fails
        }
        failures.increment();
        ReadFailures.report(onFailure, id, failure);
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
