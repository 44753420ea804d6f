package io.kmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.metrics.FunctionCounter;
import io.kmon.metrics.FunctionGauge;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MetricNames;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gauge supplier that throws (an exception or an {@link Error}) or returns null: the read
 * is NaN, the snapshot and every export go on, and kmon counts the failure under
 * {@code read:<name>} and logs it once. A function counter that throws keeps its last value.
 */
class GaugeFailuresTest {

    @Test
    void supplierThrowingAnError_readsNaNAndTheHookIsTold() {
        List<String> told = new ArrayList<>();
        MeterRegistry registry = new MeterRegistry(
                new FakeClock(0),
                60_000,
                10,
                (id, failure) -> told.add(id.name() + " " + failure.getClass().getSimpleName()));
        FunctionGauge missing = registry.gauge(MeterId.of("cache.size"), () -> {
            throw new NoClassDefFoundError("com/example/Cache");
        });
        registry.gauge(MeterId.of("pool.size"), () -> null);
        registry.gauge(MeterId.of("queue.size"), () -> 3);

        registry.snapshot(); // would throw without containment of the Error

        assertTrue(Double.isNaN(missing.value()));
        assertEquals(2, missing.failures());
        assertEquals(
                List.of(
                        "cache.size NoClassDefFoundError",
                        "pool.size NullPointerException",
                        "cache.size NoClassDefFoundError"),
                told);
    }

    @Test
    void functionCounterThrowing_readsItsLastGoodValue_neverLess() {
        List<String> told = new ArrayList<>();
        MeterRegistry registry = new MeterRegistry(new FakeClock(0), 60_000, 10, (id, failure) -> told.add(id.name()));
        long[] source = {41};
        FunctionCounter jobs = registry.functionCounter(MeterId.of("jobs"), () -> {
            if (source[0] < 0) {
                throw new AssertionError("source gone");
            }
            return source[0];
        });
        assertEquals(41, jobs.count());
        source[0] = -1;
        assertEquals(41, registry.snapshot().count("jobs"), "a counter never appears to go backwards");
        assertEquals(List.of("jobs"), told);
    }

    @Test
    void throwingHook_doesNotBreakTheRead() {
        MeterRegistry registry = new MeterRegistry(new FakeClock(0), 60_000, 10, (id, failure) -> {
            throw new IllegalStateException("hook broken");
        });
        FunctionGauge broken = registry.gauge(MeterId.of("pool.size"), () -> {
            throw new IllegalStateException("pool gone");
        });

        assertTrue(Double.isNaN(broken.value()));
        assertEquals(1, broken.failures());
    }

    @Test
    void failingGauges_areCountedPerNameAndLoggedOnce() {
        RecordingLogger logger = new RecordingLogger();
        try (Kmon kmon = Kmon.builder()
                .backgroundThread(false)
                .systemMetrics(false)
                .logger(logger)
                .build()) {
            kmon.gauge("pool.size", () -> {
                throw new IllegalStateException("pool gone");
            });
            kmon.gauge("cache.size", () -> {
                throw new AssertionError("cache invariant");
            });

            for (int i = 0; i < 3; i++) {
                kmon.snapshot();
            }

            assertEquals(3L, kmon.internalFailureCounts().get("read:pool.size"));
            assertEquals(3L, kmon.internalFailureCounts().get("read:cache.size"));
            assertTrue(
                    kmon.snapshot().count(MetricNames.INTERNAL_FAILURES, "source", "read:cache.size") >= 3,
                    "exported as monitoring.internal_failures{source}");
            assertEquals(1, logger.containing("read:pool.size").size());
            assertEquals(1, logger.containing("read:cache.size").size());
            String logged = logger.containing("read:cache.size").get(0).message();
            assertTrue(logged.contains("java.lang.AssertionError: cache invariant\n\tat "), logged);
        }
    }
}
