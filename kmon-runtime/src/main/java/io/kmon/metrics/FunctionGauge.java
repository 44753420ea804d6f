package io.kmon.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
 *
 * <p>The supplier is called through the registry's {@link CallbackReader}, so a supplier that
 * blocks or is slow holds the reader for at most its timeout: a late read is counted as a
 * failure ({@link TimeoutException}) and reads the last good value, and while that call still
 * runs, reads return the last good value at once. kmon's own gauges
 * ({@link MeterRegistry#ownGauge}) are read inline.
 */
public final class FunctionGauge implements Meter {
    private final MeterId id;
    private final Supplier<? extends Number> supplier;
    private final BiConsumer<MeterId, Throwable> onFailure;
    private final CallbackReader reader; // null: read inline
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<CompletableFuture<Object>> inFlight = new AtomicReference<>();
    private volatile double lastGood = Double.NaN;

    FunctionGauge(
            MeterId id,
            Supplier<? extends Number> supplier,
            BiConsumer<MeterId, Throwable> onFailure,
            CallbackReader reader) {
        this.id = id;
        this.supplier = supplier;
        this.onFailure = onFailure;
        this.reader = reader;
    }

    /**
     * {@return the supplier's current value} NaN when it throws or returns null; the last good
     * value when it is late or still running from an earlier read.
     */
    public double value() {
        Throwable failure;
        double fallback = Double.NaN;
        try {
            Object read = reader == null ? call() : reader.read(inFlight, this::call);
            if (read == CallbackReader.STUCK) {
                return lastGood;
            }
            double value = (Double) read;
            lastGood = value;
            return value;
        } catch (TimeoutException late) {
            failure = late;
            fallback = lastGood;
        } catch (Throwable e) {
            failure = e; // an Error too (a missing class, an assertion): contained, or every export fails
        }
        failures.increment();
        ReadFailures.report(onFailure, id, failure);
        return fallback;
    }

    /** One call of the supplier, on a callback thread. */
    private Double call() {
        Number n = supplier.get();
        if (n == null) {
            throw new NullPointerException("gauge supplier returned null");
        }
        return n.doubleValue();
    }

    /** {@return how many reads failed (threw or returned null)} */
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
