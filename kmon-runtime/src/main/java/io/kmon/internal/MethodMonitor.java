package io.kmon.internal;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.Counter;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MethodSnapshot;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.Timer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The handle generated code holds for one monitored method, resolved once when the proxy is
 * wrapped. Not API: only generated code calls it. Generated code times the call with
 * {@link System#nanoTime()} and reports the outcome here:
 *
 * <pre>{@code
 * long start = System.nanoTime();
 * try { r = delegate.find(id); } catch (Throwable t) { find.failure(System.nanoTime() - start, t); throw t; }
 * find.success(System.nanoTime() - start);
 * }</pre>
 *
 * <p>Hot path: {@link #success} is one {@link LongAdder} increment, one {@link Timer#record}
 * and one comparison with the slow threshold: no lock, no map lookup, no allocation, and the
 * {@link CallSink} only for a slow call. The method's counts are its own adders, exported as
 * {@code <prefix>.successes}, {@code <prefix>.errors} and {@code <prefix>.calls} (successes +
 * errors, so never incremented); past the cardinality cap the overflow series sums the adders
 * of every folded method, so each call is counted exactly once everywhere. The failure path
 * may look up the per-type error count and hands alerts to the sink. Nothing here ever throws
 * into the monitored call.
 */
public final class MethodMonitor {
    private final CallSink sink;
    private final MeterRegistry metrics;
    private final ComponentMonitor component;
    private final String method;
    private final long slowNanos;
    private final AlertLevel slowLevel;
    private final List<Class<?>> alertOn;

    private final LongAdder successes = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Timer duration;
    private final Counter allErrors;
    private final ConcurrentHashMap<Class<?>, LongAdder> errorsByClass = new ConcurrentHashMap<>();
    // Two classes of one simple name share a tag, so they share one count.
    private final ConcurrentHashMap<String, LongAdder> errorsByType = new ConcurrentHashMap<>();

    MethodMonitor(
            CallSink sink,
            MeterRegistry metrics,
            ComponentMonitor component,
            String method,
            long slowNanos,
            AlertLevel slowLevel,
            List<Class<?>> alertOn) {
        this.sink = sink;
        this.metrics = metrics;
        this.component = component;
        this.method = Objects.requireNonNull(method, "method");
        this.slowNanos = slowNanos > 0 ? slowNanos : Long.MAX_VALUE;
        this.slowLevel = Objects.requireNonNull(slowLevel, "slowLevel");
        this.alertOn = List.copyOf(alertOn);
        String prefix = component.prefix();
        metrics.ownCounter(id(prefix + MetricNames.SUCCESSES), successes::sum);
        this.duration = metrics.timer(id(prefix + MetricNames.DURATION));
        this.allErrors = metrics.counter(MeterId.of(MetricNames.ERRORS_COUNT));
        metrics.ownCounter(id(prefix + MetricNames.CALLS), () -> successes.sum() + errors.sum());
    }

    private MeterId id(String name) {
        return MeterId.of(name, MetricNames.COMPONENT, component.name(), MetricNames.METHOD, method);
    }

    /**
     * A call that returned normally after {@code nanos}.
     *
     * @param nanos the call's duration in nanoseconds
     */
    public void success(long nanos) {
        successes.increment();
        duration.record(nanos);
        if (nanos > slowNanos) {
            sink.slow(this, nanos);
        }
    }

    /**
     * A call that threw {@code error} after {@code nanos}.
     *
     * @param nanos the call's duration in nanoseconds
     * @param error what the call threw
     */
    public void failure(long nanos, Throwable error) {
        try {
            duration.record(nanos);
            errorsByClass.computeIfAbsent(error.getClass(), this::errorCount).increment();
            errors.increment();
            allErrors.increment();
            sink.failed(this, error, alerts(error));
            if (nanos > slowNanos) {
                sink.slow(this, nanos);
            }
        } catch (RuntimeException | LinkageError e) {
            sink.contained(e); // never replace the caller's exception with ours
        }
    }

    /**
     * Times an asynchronous call to its completion and returns the same stage. An exceptional
     * completion (including cancellation) is a failure; a null stage counts as a success now.
     * A stage that never completes is never recorded. If the stage refuses the callback (a
     * hand-written {@code CompletionStage} that throws), the failure is kmon's, not the caller's.
     *
     * @param <S> the stage's type
     * @param stage what the call returned; may be null
     * @param startNanos {@link System#nanoTime()} when the call started
     * @return {@code stage}
     */
    public <S extends CompletionStage<?>> S track(S stage, long startNanos) {
        if (stage == null) {
            success(System.nanoTime() - startNanos);
            return null;
        }
        try {
            stage.whenComplete((value, error) -> {
                long nanos = System.nanoTime() - startNanos;
                if (error == null) {
                    success(nanos);
                } else {
                    failure(
                            nanos,
                            error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause()
                                    : error);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // A stage whose whenComplete throws (a read-only or broken implementation): the call
            // goes unrecorded, and the caller still gets the delegate's stage, not our failure.
            sink.contained(e);
        }
        return stage;
    }

    private LongAdder errorCount(Class<?> type) {
        return errorsByType.computeIfAbsent(errorType(type), tag -> {
            LongAdder count = new LongAdder();
            metrics.ownCounter(
                    id(component.prefix() + MetricNames.ERRORS).withTag(MetricNames.ERROR_TYPE, tag), count::sum);
            return count;
        });
    }

    /**
     * {@return the {@code error_type} of {@code type}} Its simple name, or its binary name when it has none.
     *
     * @param type an exception class
     */
    public static String errorType(Class<?> type) {
        String simple = type.getSimpleName();
        return simple.isEmpty() ? type.getName() : simple;
    }

    private boolean alerts(Throwable error) {
        for (Class<?> type : alertOn) {
            if (type.isInstance(error)) {
                return true;
            }
        }
        return false;
    }

    /** This method now, with {@code timers} (the snapshot's timers by id) for its duration. */
    MethodSnapshot snapshot(Map<MeterId, MeterSnapshot.TimerSnapshot> timers, long nowMillis) {
        TreeMap<String, Long> byType = new TreeMap<>();
        errorsByType.forEach((type, count) -> byType.put(type, count.sum()));
        MeterSnapshot.TimerSnapshot reading = timers.get(duration.id());
        if (reading == null) { // a timer the cap on names kept out of the registry
            reading = duration.snapshot(nowMillis);
        }
        return new MethodSnapshot(component.name(), component.prefix(), method, successes.sum(), byType, reading);
    }

    /** {@return the component this method belongs to} */
    public ComponentMonitor component() {
        return component;
    }

    /** {@return the {@code method} tag} The method's name, with parameter types when overloaded. */
    public String method() {
        return method;
    }

    /** {@return the level of the alert raised for a slow call} */
    public AlertLevel slowLevel() {
        return slowLevel;
    }

    /** {@return the slow-call threshold in nanoseconds} {@link Long#MAX_VALUE} when there is none. */
    public long slowNanos() {
        return slowNanos;
    }

    /** {@return the successful calls so far} */
    public long successes() {
        return successes.sum();
    }

    /** {@return the failed calls so far} */
    public long errors() {
        return errors.sum();
    }
}
