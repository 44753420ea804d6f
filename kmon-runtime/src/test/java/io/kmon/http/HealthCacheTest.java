package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kmon.health.HealthReport;
import io.kmon.health.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link HealthCache} with a fake clock: how often the checks run. */
class HealthCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger clockReads = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();

    private HealthReport report() {
        return new HealthReport(HealthStatus.HEALTHY, 0, 0, Map.of());
    }

    private HealthCache cache(Duration ttl, Supplier<HealthReport> checks) {
        return new HealthCache(
                () -> {
                    runs.incrementAndGet();
                    return checks.get();
                },
                ttl,
                () -> {
                    clockReads.incrementAndGet();
                    return now.get();
                });
    }

    @Test
    void withinTheTtl_theReportIsServedAgain_afterItTheChecksRunAnew() {
        HealthCache cache = cache(Duration.ofSeconds(1), this::report);
        HealthReport first = cache.get();
        now.addAndGet(999_999_999);
        assertSame(first, cache.get());
        assertEquals(1, runs.get());
        now.addAndGet(1);
        cache.get();
        assertEquals(2, runs.get());
    }

    @Test
    void zeroTtl_runsTheChecksOnEveryRequest() {
        HealthCache cache = cache(Duration.ZERO, this::report);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(1);
            cache.get();
        }
        assertEquals(5, runs.get());
    }

    @Test
    void concurrentRequests_shareOneRun() throws Exception {
        int threads = 16;
        // the run lasts until every request has asked (read the clock once on entry)
        HealthCache cache = cache(Duration.ZERO, () -> {
            for (int i = 0; i < 10_000 && clockReads.get() < threads + 1; i++) {
                Thread.onSpinWait();
                Thread.yield();
            }
            return report();
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HealthReport>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(cache::get));
            }
            HealthReport one = answers.get(0).get();
            for (Future<HealthReport> f : answers) {
                assertSame(one, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, runs.get());
    }

    @Test
    void aFailedRun_isNotCached() {
        AtomicInteger calls = new AtomicInteger();
        HealthCache cache = cache(Duration.ofSeconds(1), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return report();
        });
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, cache::get);
        cache.get();
        assertEquals(2, runs.get());
    }
}
