package io.kmon.internal;

/**
 * Where a {@link MethodMonitor} reports what is more than a count: a slow call, a failed call,
 * and a failure of kmon's own on the call's path. Called on the monitored call's thread, so an
 * implementation must not block or lock, and must not throw: it contains its own failures.
 */
public interface CallSink {
    /** A call of {@code method} took {@code nanos}, more than its slow threshold. */
    void slow(MethodMonitor method, long nanos);

    /**
     * A call of {@code method} threw {@code error}; {@code alert} when the type matches the
     * method's {@code @AlertOn}.
     */
    void failed(MethodMonitor method, Throwable error, boolean alert);

    /** kmon failed while recording a call of {@code method}; the call itself is unaffected. */
    void contained(Throwable error);
}
