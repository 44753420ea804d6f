package io.kmon;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.Counter;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.Timer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The handle a generated {@code Monitored*} class holds for one method, resolved once when
 * the proxy is wrapped. Generated code times the call with {@link System#nanoTime()} and
 * reports the outcome here:
 *
 * <pre>{@code
 * long start = System.nanoTime();
 * try { r = delegate.find(id); } catch (Throwable t) { find.failure(System.nanoTime() - start, t); throw t; }
 * find.success(System.nanoTime() - start);
 * }</pre>
 *
 * <p>Hot path: {@link #success} is one {@link LongAdder} increment, one {@link Timer#record}
 * and one comparison with the slow threshold: no lock, no map lookup, no allocation.
 * {@code <prefix>.calls} is not incremented at all: it is read as successes + errors.
 * The failure path may look up the per-type error counter and hands alerts to the background.
 * Nothing here ever throws into the monitored call.
 */
public final class MethodMonitor {
    private final Kmon kmon;
    private final ComponentMonitor component;
    private final String method;
    private final long slowNanos;
    private final AlertLevel slowLevel;
    private final List<Class<?>> alertOn;

    private final Counter successes;
    private final LongAdder errors = new LongAdder();
    private final Timer duration;
    private final Counter allErrors;
    private final ConcurrentHashMap<Class<?>, Counter> errorsByType = new ConcurrentHashMap<>();

    MethodMonitor(Kmon kmon, ComponentMonitor component, String method, long slowNanos, AlertLevel slowLevel,
            List<Class<?>> alertOn) {
        this.kmon = kmon;
        this.component = component;
        this.method = Objects.requireNonNull(method, "method");
        this.slowNanos = slowNanos > 0 ? slowNanos : Long.MAX_VALUE;
        this.slowLevel = Objects.requireNonNull(slowLevel, "slowLevel");
        this.alertOn = List.copyOf(alertOn);
        String prefix = component.prefix();
        this.successes = kmon.metrics().counter(id(prefix + ".successes"));
        this.duration = kmon.metrics().timer(id(prefix + ".duration"));
        this.allErrors = kmon.metrics().counter(MeterId.of(Kmon.ERRORS_COUNT));
        kmon.metrics().ownCounter(id(prefix + ".calls"), () -> successes.count() + errors.sum());
    }

    private MeterId id(String name) {
        return MeterId.of(name, "component", component.name(), "method", method);
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
            kmon.slowCall(this, nanos);
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
            errorsByType.computeIfAbsent(error.getClass(), this::errorCounter).increment();
            errors.increment();
            allErrors.increment();
            kmon.failedCall(this, error, alerts(error));
            if (nanos > slowNanos) {
                kmon.slowCall(this, nanos);
            }
        } catch (RuntimeException | LinkageError e) {
            kmon.internalFailure(e); // never replace the caller's exception with ours
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
                    failure(nanos, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // A stage whose whenComplete throws (a read-only or broken implementation): the call
            // goes unrecorded, and the caller still gets the delegate's stage, not our failure.
            kmon.internalFailure(e);
        }
        return stage;
    }

    private Counter errorCounter(Class<?> type) {
        String simple = type.getSimpleName();
        return kmon.metrics().counter(id(component.prefix() + ".errors")
                .withTag("error_type", simple.isEmpty() ? type.getName() : simple));
    }

    private boolean alerts(Throwable error) {
        for (Class<?> type : alertOn) {
            if (type.isInstance(error)) {
                return true;
            }
        }
        return false;
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
        return successes.count();
    }

    /** {@return the failed calls so far} */
    public long errors() {
        return errors.sum();
    }
}
