package io.kmon.internal;

import io.kmon.errors.ErrorAggregator;
import io.kmon.metrics.Clock;
import io.kmon.metrics.InternalFailures;

/**
 * The {@link CallSink} of one {@code Kmon}: a failed call goes into the error aggregator on the
 * caller's thread (so its counts are exact) and, with a matching {@code @AlertOn}, to the
 * background as an ERROR alert; a slow call goes to the background; kmon's own failures are
 * counted. Nothing here logs, waits or throws. Not API.
 */
public final class CallReporter implements CallSink {
    static final String SOURCE = "call_hook";

    private final ErrorAggregator errors;
    private final CallAlerts alerts;
    private final InternalFailures failures;
    private final Clock clock;

    /**
     * A sink.
     *
     * @param errors where failed calls are grouped
     * @param alerts the hand-off of call-path alerts to the background
     * @param failures where kmon's own failures are counted
     * @param clock stamps the alerts
     */
    public CallReporter(ErrorAggregator errors, CallAlerts alerts, InternalFailures failures, Clock clock) {
        this.errors = errors;
        this.alerts = alerts;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public void slow(MethodMonitor method, long nanos) {
        try {
            alerts.slow(method, nanos, clock.millis());
        } catch (RuntimeException | LinkageError e) {
            contained(e); // success() has no guard of its own: the hot path stays lean
        }
    }

    @Override
    public void failed(MethodMonitor method, Throwable error, boolean alert) {
        errors.record(method.component().name(), method.method(), error);
        if (alert) {
            alerts.failed(method, error, clock.millis());
        }
    }

    @Override
    public void contained(Throwable error) {
        failures.record(SOURCE, error);
    }
}
