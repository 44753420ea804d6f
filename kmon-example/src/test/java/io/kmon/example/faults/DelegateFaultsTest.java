package io.kmon.example.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.alert.Alert;
import io.kmon.errors.ErrorGroup;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delegate that fails the hard way, called through the generated {@code MonitoredFaulty}:
 * the caller sees exactly what the delegate threw or returned (the same object, the same stack
 * trace, nothing suppressed or added, the same interrupt flag), and kmon counts it.
 */
class DelegateFaultsTest {
    private Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private final ScriptedFaulty delegate = new ScriptedFaulty();
    private Faulty proxy = MonitoredFaulty.wrap(delegate, kmon);

    @AfterEach
    void close() {
        Thread.interrupted(); // never leak a test's interrupt into the next
        kmon.close();
    }

    private long errors(String method, String type) {
        return kmon.snapshot().count("faults.errors", "component", "faulty", "method", method, "error_type", type);
    }

    private long successes(String method) {
        return kmon.snapshot().count("faults.successes", "component", "faulty", "method", method);
    }

    /** The throwable as the caller sees it, compared field by field with what the delegate threw. */
    private static void assertUntouched(Throwable thrown, StackTraceElement[] trace, Throwable seen) {
        assertSame(thrown, seen);
        assertArrayEquals(trace, seen.getStackTrace(), "stack trace not refilled or replaced");
        assertArrayEquals(new Throwable[0], seen.getSuppressed(), "nothing suppressed added");
    }

    private static int deeper(int depth) {
        return deeper(depth + 1) + 1;
    }

    @Test
    void stackOverflowInTheDelegate_reachesTheCallerAsTheSameErrorWithItsTrace() throws Exception {
        AtomicReference<StackOverflowError> thrown = new AtomicReference<>();
        AtomicReference<StackTraceElement[]> trace = new AtomicReference<>();
        delegate.onCall(() -> {
            try {
                return Integer.toString(deeper(0));
            } catch (StackOverflowError e) {
                thrown.set(e);
                trace.set(e.getStackTrace());
                throw e;
            }
        });

        StackOverflowError seen = assertThrows(StackOverflowError.class, proxy::call);

        assertUntouched(thrown.get(), trace.get(), seen);
        assertEquals(1, errors("call", "StackOverflowError"));
        delegate.onCall(() -> "fine");
        assertEquals("fine", proxy.call(), "the proxy works on after an overflow");
    }

    @Test
    void stackOverflowOfARecursionThroughTheProxy_reachesTheCallerAsTheFirstOverflow() throws Exception {
        ScriptedFaulty recursive = new ScriptedFaulty();
        Faulty looping = MonitoredFaulty.wrap(recursive, kmon);
        recursive.recurseThrough(looping);

        StackOverflowError seen = assertThrows(StackOverflowError.class, () -> looping.recurse(0));

        assertSame(
                recursive.firstOverflow(),
                seen,
                "kmon, near the end of the stack, must not throw an overflow of its own");
        assertTrue(errors("recurse", "StackOverflowError") > 0);
        delegate.onCall(() -> {
            throw new IOException("after the overflow");
        });
        assertThrows(IOException.class, proxy::call);
        assertEquals(1, errors("call", "IOException"), "kmon still records after an overflow in its own code");
        assertEquals(0, kmon.internalFailures(), kmon.internalFailureCounts().toString());
    }

    @Test
    void simulatedOutOfMemoryError_reachesTheCallerAsTheSameObject() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        StackTraceElement[] trace = oom.getStackTrace();
        delegate.onCall(() -> {
            throw oom;
        });

        assertUntouched(oom, trace, assertThrows(OutOfMemoryError.class, proxy::call));
        assertEquals(1, errors("call", "OutOfMemoryError"));
    }

    @Test
    void realOutOfMemoryErrorOfAnImpossibleArray_reachesTheCallerAsTheSameObject() {
        AtomicReference<OutOfMemoryError> thrown = new AtomicReference<>();
        delegate.onCall(() -> {
            try {
                long[] impossible = new long[Integer.MAX_VALUE]; // beyond the VM's array limit: thrown at once
                return Integer.toString(impossible.length);
            } catch (OutOfMemoryError e) {
                thrown.set(e);
                throw e;
            }
        });

        OutOfMemoryError seen = assertThrows(OutOfMemoryError.class, proxy::call);

        assertSame(thrown.get(), seen);
        assertEquals(1, errors("call", "OutOfMemoryError"));
    }

    @Test
    void interruptedExceptionWithTheFlagSet_reachesTheCallerWithTheFlagStillSet() throws Exception {
        kmon.close();
        kmon = Kmon.builder().systemMetrics(false).build(); // with the background thread: the alert is handed off
        proxy = MonitoredFaulty.wrap(delegate, kmon);
        BlockingQueue<Alert> alerts = new ArrayBlockingQueue<>(10);
        kmon.alerts().addListener(alerts::add);
        InterruptedException interrupted = new InterruptedException("stop now");
        StackTraceElement[] trace = interrupted.getStackTrace();
        delegate.onCall(() -> {
            Thread.currentThread().interrupt(); // what a well-behaved delegate does before rethrowing
            throw interrupted;
        });

        InterruptedException seen = assertThrows(InterruptedException.class, proxy::call);

        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
        assertUntouched(interrupted, trace, seen);
        assertEquals(1, errors("call", "InterruptedException"));
        Alert alert = alerts.poll(10, TimeUnit.SECONDS);
        assertNotNull(alert, "the @AlertOn alert was handed to the background thread despite the interrupt");
        assertTrue(alert.message().contains("InterruptedException"), alert.message());
    }

    @Test
    void interruptPendingOnEntry_isLeftForTheDelegate_andClearedOnlyByIt() {
        AtomicBoolean flagOnEntry = new AtomicBoolean();
        delegate.onCall(() -> {
            flagOnEntry.set(Thread.currentThread().isInterrupted());
            Thread.sleep(60_000); // throws at once, clearing the flag, as the JDK does
            return "slept";
        });
        Thread.currentThread().interrupt();

        assertThrows(InterruptedException.class, proxy::call);

        assertTrue(flagOnEntry.get(), "kmon did not consume the pending interrupt");
        assertFalse(Thread.currentThread().isInterrupted(), "cleared by sleep, exactly as without kmon");
        assertEquals(1, errors("call", "InterruptedException"));
    }

    @Test
    void interruptFlagSetByASlowSuccessfulCall_isKept() throws Exception {
        delegate.onCall(() -> {
            Thread.currentThread().interrupt();
            return "done";
        });

        assertEquals("done", proxy.slow());

        assertTrue(Thread.interrupted(), "the flag survives the success path and the slow-call hand-off");
        assertEquals(1, successes("slow"));
        kmon.checkAlertsNow();
        assertTrue(kmon.alerts().recent().stream().anyMatch(a -> a.rule().equals("slow_call")));
    }

    @Test
    void nullResult_isReturnedAndCountedAsASuccess() throws Exception {
        delegate.onCall(() -> null);

        assertNull(proxy.call());
        assertEquals(1, successes("call"));
    }

    @Test
    void nullFuture_isReturnedAndCountedAsASuccess() {
        delegate.onLater(() -> null);

        assertNull(proxy.later());
        assertEquals(1, successes("later"));
    }

    @Test
    void exceptionWhoseEveryMethodThrows_isRethrownUntouchedAndStillAggregated() {
        RuntimeException hostile = new HostileException();
        delegate.onCall(() -> {
            throw hostile;
        });

        assertSame(hostile, assertThrows(HostileException.class, proxy::call));

        assertEquals(1, errors("call", "HostileException"));
        List<ErrorGroup> groups = assertDoesNotThrow(() -> kmon.errors().groups());
        assertEquals(HostileException.class.getName(), groups.get(0).type());
        assertEquals(1, groups.get(0).count());
    }

    /** An exception that breaks whoever looks at it: message, text, trace, hash. */
    private static final class HostileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace");
        }

        @Override
        public int hashCode() {
            throw new IllegalStateException("hashCode");
        }

        @Override
        public boolean equals(Object other) {
            throw new IllegalStateException("equals");
        }
    }
}
