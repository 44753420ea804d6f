package io.kmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.annotations.AlertLevel;
import io.kmon.internal.MethodMonitor;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MethodMonitorMetricsTest {
    private final Kmon kmon = Kmon.builder().backgroundThread(false).build();
    private final MethodMonitor find = kmon.component("Catalog", "api").method("find", 0, AlertLevel.WARNING);

    @AfterEach
    void close() {
        kmon.close();
    }

    @Test
    void successAndFailure_countCallsSuccessesErrorsAndDuration() {
        find.success(1_000);
        find.success(2_000);
        find.failure(3_000, new IOException("down"));
        find.failure(4_000, new IllegalStateException());

        MetricsSnapshot s = kmon.snapshot();
        String[] tags = {"component", "Catalog", "method", "find"};
        assertEquals(4, s.count("api.calls", tags));
        assertEquals(2, s.count("api.successes", tags));
        assertEquals(1, s.count("api.errors", "component", "Catalog", "method", "find", "error_type", "IOException"));
        assertEquals(2, s.sum("api.errors", tags));
        assertEquals(4, s.count("api.duration", tags));
        assertEquals(2, s.count(MetricNames.ERRORS_COUNT));
    }

    @Test
    void calls_equalSuccessesPlusErrors_fromManyThreads() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        RuntimeException failure = new RuntimeException("pre-allocated");
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    if (i % 10 == 0) {
                        find.failure(i, failure);
                    } else {
                        find.success(i);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        MetricsSnapshot s = kmon.snapshot();
        assertEquals(200_000, s.count("api.calls", "component", "Catalog", "method", "find"));
        assertEquals(180_000, s.count("api.successes", "component", "Catalog", "method", "find"));
        assertEquals(20_000, s.sum("api.errors", "component", "Catalog", "method", "find"));
    }

    @Test
    void track_timesFutureToCompletion_andReturnsTheSameFuture() {
        CompletableFuture<String> ok = new CompletableFuture<>();
        assertSame(ok, find.track(ok, System.nanoTime()));
        assertEquals(0, find.successes(), "not counted before completion");
        ok.complete("done");
        assertEquals(1, find.successes());

        CompletableFuture<String> failed = new CompletableFuture<>();
        find.track(failed, System.nanoTime()).completeExceptionally(new IOException("late"));
        CompletableFuture<String> cancelled = find.track(new CompletableFuture<>(), System.nanoTime());
        cancelled.cancel(true);
        MetricsSnapshot s = kmon.snapshot();
        assertEquals(1, s.count("api.errors", "component", "Catalog", "method", "find", "error_type", "IOException"));
        assertEquals(
                1,
                s.count(
                        "api.errors",
                        "component",
                        "Catalog",
                        "method",
                        "find",
                        "error_type",
                        CancellationException.class.getSimpleName()));
    }

    @Test
    void track_stageRefusingTheCallback_isKmonsFailure_notTheCallers() {
        CompletableFuture<String> refusing = new CompletableFuture<>() {
            @Override
            public CompletableFuture<String> whenComplete(BiConsumer<? super String, ? super Throwable> action) {
                throw new UnsupportedOperationException("no callbacks here");
            }
        };
        assertSame(refusing, find.track(refusing, System.nanoTime()));
        assertEquals(1, kmon.internalFailures());
    }

    @Test
    void sameMethodTag_sameHandle_soTwoProxiesCountTogether() {
        assertSame(find, kmon.component("Catalog", "api").method("find", 0, AlertLevel.WARNING));
    }

    @Test
    void component_withAnotherPrefix_isRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> kmon.component("Catalog", "kmon"));
        assertTrue(e.getMessage().contains("already uses prefix 'api'"), e.getMessage());
    }

    @Test
    void component_withInvalidPrefix_isRejectedAtWrapTime() {
        assertThrows(IllegalArgumentException.class, () -> kmon.component("Other", "bad prefix"));
    }
}
