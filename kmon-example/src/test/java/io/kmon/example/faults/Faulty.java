package io.kmon.example.faults;

import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;
import java.util.concurrent.CompletableFuture;

/**
 * A small monitored interface for the fault tests: the processor generates
 * {@code MonitoredFaulty} for it at test-compile time, exactly as for production code, so the
 * tests exercise the real generated proxy. Interrupts raise an alert so that the alert
 * hand-off runs on the caller's thread while its interrupt flag is set.
 */
@Monitored(name = "faulty", prefix = "faults")
@AlertOn(InterruptedException.class)
interface Faulty {
    /** Whatever the test scripts. */
    String call() throws Exception;

    /** Whatever the test scripts, with a slow-call threshold every scripted call exceeds. */
    @SlowAlert(millis = 1)
    String slow() throws Exception;

    /** A future the test scripts. */
    CompletableFuture<String> later();

    /** Calls back into the proxy with {@code depth + 1}, for ever: a recursion through kmon. */
    int recurse(int depth);
}
