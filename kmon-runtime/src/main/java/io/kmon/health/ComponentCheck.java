package io.kmon.health;

import io.kmon.metrics.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The readiness check of one monitored component: {@code healthy}, or {@code degraded} when
 * more than {@code maxFailureRatio} (default half) of its calls in the last window (default
 * 5 minutes) failed; its call and error counts are the details.
 *
 * <p>The hot path only keeps cumulative counts, so the window comes from readings of those
 * counts: {@link #tick()} (kmon's sampler, every sample interval) and each check keep one, at
 * least 1/60 of the window apart, and the window's figure is the current count minus the
 * latest reading at or before the window's start (the zero counts at creation when there is
 * none yet). So it covers the window plus at most one reading interval, and the readings kept
 * are bounded (about 60).
 */
public final class ComponentCheck implements HealthCheck {
    private final String component;
    private final LongSupplier calls;
    private final LongSupplier errors;
    private final Clock clock;
    private final long windowMillis;
    private final double maxFailureRatio;
    private final ArrayDeque<long[]> readings = new ArrayDeque<>(); // {millis, calls, errors}; guarded by this

    /**
     * A check.
     *
     * @param component the component's name, for the details
     * @param calls its calls so far
     * @param errors its failed calls so far
     * @param clock positions readings
     * @param window how far back to look
     * @param maxFailureRatio the share of failed calls above which it is degraded, in [0, 1]
     */
    public ComponentCheck(
            String component,
            LongSupplier calls,
            LongSupplier errors,
            Clock clock,
            Duration window,
            double maxFailureRatio) {
        this.component = Objects.requireNonNull(component, "component");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windowMillis = Objects.requireNonNull(window, "window").toMillis();
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (!(maxFailureRatio >= 0 && maxFailureRatio <= 1)) {
            throw new IllegalArgumentException("maxFailureRatio must be within [0, 1]: " + maxFailureRatio);
        }
        this.maxFailureRatio = maxFailureRatio;
        readings.add(new long[] {clock.millis(), 0, 0});
    }

    /** Keeps a reading of the counts now; kmon's sampler calls this every sample interval. */
    public void tick() {
        window(clock.millis(), calls.getAsLong(), errors.getAsLong());
    }

    @Override
    public HealthResult check() {
        long now = clock.millis();
        long totalCalls = calls.getAsLong();
        long totalErrors = errors.getAsLong();
        long[] base = window(now, totalCalls, totalErrors);
        long windowCalls = Math.max(0, totalCalls - base[1]);
        long windowErrors = Math.min(windowCalls, Math.max(0, totalErrors - base[2]));
        double ratio = windowCalls == 0 ? 0 : (double) windowErrors / windowCalls;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("component", component);
        details.put("calls", windowCalls);
        details.put("errors", windowErrors);
        details.put("error_ratio", Math.round(ratio * 1000) / 1000.0);
        details.put("window_seconds", windowMillis / 1000);
        details.put("total_calls", totalCalls);
        details.put("total_errors", totalErrors);
        return ratio > maxFailureRatio ? HealthResult.degraded(details) : HealthResult.healthy(details);
    }

    /** Records a reading (when far enough from the last) and returns the window's baseline reading. */
    private synchronized long[] window(long now, long totalCalls, long totalErrors) {
        long start = now - windowMillis;
        while (readings.size() >= 2 && second()[0] <= start) {
            readings.removeFirst();
        }
        long[] base = readings.peekFirst();
        long[] last = readings.peekLast();
        if (now - last[0] >= Math.max(1, windowMillis / 60)) {
            readings.addLast(new long[] {now, totalCalls, totalErrors});
        }
        return base;
    }

    private long[] second() {
        var it = readings.iterator();
        it.next();
        return it.next();
    }

    /** Readings kept now (for tests of the bound). */
    synchronized int readings() {
        return readings.size();
    }
}
