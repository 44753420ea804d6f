package io.kmon.internal;

/**
 * Where a {@link MethodMonitor} reports what is more than a count: a slow call, a failed call,
 * and a failure of kmon's own on the call's path. Called on the monitored call's thread, so an
 * implementation must not block or lock, and must not throw: it contains its own failures.
 */
public interface CallSink {
    /**
     * A call of {@code method} took {@code nanos}, more than its slow threshold.
     *
     * @param method the method's handle
     * @param nanos the call's duration
     */
    void slow(MethodMonitor method, long nanos);

    /**
     * A call of {@code method} threw {@code error}.
     *
     * @param method the method's handle
     * @param error what the call threw
     * @param alert whether the type matches the method's {@code @AlertOn}
     */
    void failed(MethodMonitor method, Throwable error, boolean alert);

    /**
     * kmon failed while recording a call; the call itself is unaffected.
     *
     * @param error kmon's failure
     */
    void contained(Throwable error);
}
