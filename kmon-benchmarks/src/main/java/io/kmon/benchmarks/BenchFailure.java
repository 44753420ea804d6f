package io.kmon.benchmarks;

/**
 * The failure {@link Service#fail} throws. One instance, made once, so the failure benchmarks
 * time the monitoring of a failed call, not the filling in of a stack trace.
 */
public final class BenchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The one instance every failing call throws. */
    public static final BenchFailure INSTANCE = new BenchFailure();

    private BenchFailure() {
        super("benchmark failure", null, false, false);
    }
}
