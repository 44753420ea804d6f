package io.kmon.example.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Futures that never complete, are cancelled or fail, through the generated
 * {@code MonitoredFaulty}: the caller holds the delegate's own future, kmon records the call
 * only when (and if) it completes, and a pending call costs no thread and keeps nothing alive.
 */
class AsyncFaultsTest {
    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private final ScriptedFaulty delegate = new ScriptedFaulty();
    private final Faulty proxy = MonitoredFaulty.wrap(delegate, kmon);

    @AfterEach
    void close() {
        kmon.close();
    }

    private long calls() {
        return kmon.snapshot().count("faults.calls", "component", "faulty", "method", "later");
    }

    private long errors(String type) {
        return kmon.snapshot().count("faults.errors", "component", "faulty", "method", "later", "error_type", type);
    }

    @Test
    void neverCompletingFutures_areTheSameFuturesRecordNothingAndHoldNoThread() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<CompletableFuture<String>> made = new ArrayList<>();
        delegate.onLater(() -> {
            CompletableFuture<String> never = new CompletableFuture<>();
            made.add(never);
            return never;
        });

        List<CompletableFuture<String>> seen = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            seen.add(proxy.later());
        }

        for (int i = 0; i < 1_000; i++) {
            assertSame(made.get(i), seen.get(i));
            assertFalse(seen.get(i).isDone());
        }
        assertEquals(0, calls(), "a call is recorded when it completes, not before");
        assertEquals(0, kmon.snapshot().count("faults.duration", "component", "faulty", "method", "later"));
        Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        assertEquals(Set.of(), started, "no thread waits on a pending future");
    }

    @Test
    void neverCompletingFutureDroppedByTheCaller_isNotKeptAliveByKmon() throws InterruptedException {
        delegate.onLater(CompletableFuture::new);
        WeakReference<CompletableFuture<String>> dropped = new WeakReference<>(proxy.later());

        for (int i = 0; i < 50 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertNull(dropped.get(), "kmon holds no reference to a pending future");
        assertEquals(0, calls());
    }

    @Test
    void futureCompletedLater_isRecordedWhenItCompletes() throws Exception {
        CompletableFuture<String> pending = new CompletableFuture<>();
        delegate.onLater(() -> pending);
        CompletableFuture<String> seen = proxy.later();
        assertEquals(0, calls());

        pending.complete("at last");

        assertEquals("at last", seen.get());
        assertEquals(1, calls());
        assertEquals(1, kmon.snapshot().count("faults.successes", "component", "faulty", "method", "later"));
    }

    @Test
    void futureCancelledByTheCaller_isCancelledForTheCallerAndCountedAsACancellation() {
        CompletableFuture<String> pending = new CompletableFuture<>();
        delegate.onLater(() -> pending);
        CompletableFuture<String> seen = proxy.later();

        assertTrue(seen.cancel(true), "the caller cancels the delegate's own future");

        assertSame(pending, seen);
        assertTrue(pending.isCancelled());
        assertThrows(CancellationException.class, seen::join);
        assertEquals(1, errors("CancellationException"));
    }

    @Test
    void alreadyCancelledFuture_isReturnedAsItIsAndCounted() {
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        delegate.onLater(() -> cancelled);

        CompletableFuture<String> seen = proxy.later();

        assertSame(cancelled, seen);
        assertTrue(seen.isCancelled());
        assertEquals(1, errors("CancellationException"));
    }

    @Test
    void exceptionallyCompletedFuture_givesTheCallerTheSameCause() {
        IOException failure = new IOException("disk gone");
        CompletableFuture<String> pending = new CompletableFuture<>();
        delegate.onLater(() -> pending);
        CompletableFuture<String> seen = proxy.later();

        pending.completeExceptionally(failure);

        ExecutionException thrown = assertThrows(ExecutionException.class, seen::get);
        assertSame(failure, thrown.getCause());
        assertEquals(1, errors("IOException"), "counted under the cause's type, not CompletionException");
    }

    @Test
    void futureThatRefusesACompletionCallback_isReturnedToTheCallerUntimed() {
        CompletableFuture<String> readOnly = new CompletableFuture<>() {
            @Override
            public CompletableFuture<String> whenComplete(BiConsumer<? super String, ? super Throwable> action) {
                throw new UnsupportedOperationException("read-only future");
            }
        };
        delegate.onLater(() -> readOnly);

        assertSame(readOnly, proxy.later(), "kmon's trouble timing it is not the caller's");

        assertEquals(0, calls());
        assertEquals(1L, kmon.internalFailureCounts().get("call_hook"));
    }
}
