package io.kmon.internal;

import io.kmon.alert.AlertEngine;
import io.kmon.alert.Condition;
import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MetricNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hand-off of alerts raised on a monitored call's path ({@code @SlowAlert},
 * {@code @AlertOn}) to the background thread, which logs them and tells listeners.
 *
 * <p>Caller side ({@link #slow}, {@link #failed}): one small allocation, a lock-free enqueue,
 * and at most one wake-up of the background thread per batch (a flag makes later callers skip
 * it). No lock, no logging, no waiting. The queue is bounded: past {@value #CAPACITY} pending
 * events new ones are dropped and counted, so a flood of slow calls cannot grow memory.
 *
 * <p>Background side ({@link #drain}): turns events into alerts through the engine's
 * cooldown, so a method that is slow on every call raises one alert per cooldown.
 */
public final class CallAlerts {
    /** Pending events kept; more are dropped and counted. */
    public static final int CAPACITY = 1_024;

    static final String SLOW_CALL = "slow_call";
    static final String CALL_FAILURE = "call_failure";

    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();
    private final Runnable scheduleDrain;

    /** @param scheduleDrain asks the background thread to call {@link #drain} soon; must not block */
    public CallAlerts(Runnable scheduleDrain) {
        this.scheduleDrain = scheduleDrain;
    }

    void slow(MethodMonitor method, long nanos, long millis) {
        offer(new Event(method, nanos, null, millis));
    }

    void failed(MethodMonitor method, Throwable error, long millis) {
        offer(new Event(method, 0, error, millis));
    }

    private void offer(Event event) {
        if (size.incrementAndGet() > CAPACITY) {
            size.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.offer(event);
        if (drainScheduled.compareAndSet(false, true)) {
            scheduleDrain.run();
        }
    }

    /**
     * Raises an alert per pending event. The flag is cleared before polling, so an event
     * offered after the last poll finds it clear and schedules another drain: none is stranded.
     *
     * @param alerts where the alerts are raised
     * @param failures where a failure to raise one is counted
     */
    public void drain(AlertEngine alerts, InternalFailures failures) {
        drainScheduled.set(false);
        Event e;
        while ((e = queue.poll()) != null) {
            size.decrementAndGet();
            try {
                raise(alerts, e);
            } catch (RuntimeException | LinkageError failure) {
                failures.record("call_alerts", failure);
            }
        }
    }

    private static void raise(AlertEngine alerts, Event e) {
        String component = e.method.component().name();
        String method = e.method.method();
        String where = component + "." + method;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        if (e.error != null) {
            details.put(MetricNames.ERROR_TYPE, MethodMonitor.errorType(e.error.getClass()));
            details.put("error", InternalFailures.describe(e.error));
            alerts.fire(
                    CALL_FAILURE,
                    new Condition(
                            AlertLevel.ERROR,
                            "Call " + where + " failed: " + InternalFailures.describe(e.error),
                            component,
                            where,
                            details),
                    e.millis);
        } else {
            double ms = millis(e.nanos);
            double threshold = millis(e.method.slowNanos());
            details.put("duration_ms", ms);
            details.put("threshold_ms", threshold);
            alerts.fire(
                    SLOW_CALL,
                    new Condition(
                            e.method.slowLevel(),
                            "Slow call " + where + ": " + format(ms) + " ms (threshold " + format(threshold) + " ms)",
                            component,
                            where,
                            details),
                    e.millis);
        }
    }

    /** Milliseconds to the microsecond: sub-millisecond thresholds stay readable. */
    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private static String format(double ms) {
        return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
    }

    /** {@return events waiting for the background thread} */
    public int pending() {
        return size.get();
    }

    /** {@return events dropped because the queue was full} */
    public long dropped() {
        return dropped.sum();
    }

    private record Event(MethodMonitor method, long nanos, Throwable error, long millis) {}
}
