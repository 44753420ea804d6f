package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.testing.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeterRegistryTest {
    private final MeterRegistry registry = new MeterRegistry(new FakeClock(), 3_600_000, 100);

    @Test
    void sameNameAndTags_sameHandle_whateverTheTagOrder() {
        Counter a = registry.counter(MeterId.of("logins", "region", "eu", "app", "web"));
        Counter b = registry.counter(MeterId.of("logins", "app", "web", "region", "eu"));
        assertSame(a, b);
    }

    @Test
    void counter_exactTotal_fromManyThreads() throws InterruptedException {
        Counter counter = registry.counter(MeterId.of("hits"));
        int threads = 8;
        int perThread = 250_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                    counter.increment();
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals((long) threads * perThread, counter.count());
    }

    @Test
    void timer_exactCount_fromManyThreads() throws InterruptedException {
        Timer timer = registry.timer(MeterId.of("work"));
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread worker = new Thread(() -> {
                for (int i = 1; i <= 100_000; i++) {
                    timer.record(i);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(400_000, timer.count());
        assertEquals(4 * (100_000L * 100_001 / 2), timer.totalNanos());
        assertEquals(400_000, timer.snapshot(0).window().orElseThrow().count());
    }

    @Test
    void cardinalityCap_foldsNewTagSets_intoOneOverflowSeries() {
        for (int i = 0; i < 1_000_000; i++) {
            registry.counter(MeterId.of("requests", "user", "u" + i)).increment();
        }
        MetricsSnapshot snapshot = registry.snapshot();
        assertEquals(101, snapshot.counters().count(), "100 series plus the overflow series");
        assertEquals(999_900, snapshot.count("requests", "overflow", "true"));
        assertEquals(1_000_000, snapshot.sum("requests"));
        assertEquals(999_900L, snapshot.folded().get("requests"));
    }

    @Test
    void functionCounters_pastTheCap_overflowSumsEveryFoldedFunction() {
        for (int i = 0; i < 103; i++) {
            long n = i;
            registry.functionCounter(MeterId.of("reads", "shard", "s" + i), () -> n);
        }
        MetricsSnapshot snapshot = registry.snapshot();
        assertEquals(
                100 + 101 + 102, snapshot.count("reads", "overflow", "true"), "the three folded shards, each once");
        assertEquals(102L * 103 / 2, snapshot.sum("reads"));
    }

    @Test
    void ownCounters_addEveryRegistration_soEachSourceCountsOnce() {
        registry.ownCounter(MeterId.of("own.calls"), () -> 5);
        registry.ownCounter(MeterId.of("own.calls"), () -> 11);
        assertEquals(16, registry.snapshot().count("own.calls"));
    }

    @Test
    void knownSeries_stillResolve_afterTheCapIsReached() {
        Counter first = registry.counter(MeterId.of("requests", "user", "u0"));
        for (int i = 1; i < 200; i++) {
            registry.counter(MeterId.of("requests", "user", "u" + i));
        }
        assertSame(first, registry.counter(MeterId.of("requests", "user", "u0")));
    }

    @Test
    void sameName_asTwoTypes_isRejected() {
        registry.counter(MeterId.of("jobs"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.timer(MeterId.of("jobs", "queue", "a")));
        assertTrue(e.getMessage().contains("'jobs' is already registered as a Counter"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "9starts.with.digit", "trailing.", "a..b", "dash-ed", "ünicode"})
    void invalidName_isRejected_naming_theValue(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeterId.of(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "1key", "__reserved", "trailing.", "a..b", "a.1b"})
    void invalidTagKey_isRejected_namingTheValue(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeterId.of("m", key, "v"));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    @Test
    void dottedTagKeys_areAccepted_unlessTwoWouldExportAsOneLabel() {
        assertEquals("error.type", MeterId.of("m", "error.type", "x").tags().firstKey());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> MeterId.of("m", "error.type", "x", "error_type", "y"));
        assertTrue(e.getMessage().contains("'error_type'"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> MeterId.of("m", "error.type", "x").withTag("error_type", "y"));
    }

    @Test
    void oddTags_andRepeatedKeys_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> MeterId.of("m", "k"));
        assertThrows(IllegalArgumentException.class, () -> MeterId.of("m", "k", "1", "k", "2"));
    }

    @Test
    void nullArguments_nameTheParameter() {
        assertEquals(
                "name",
                assertThrows(NullPointerException.class, () -> MeterId.of(null)).getMessage());
        assertEquals(
                "value of tag k",
                assertThrows(NullPointerException.class, () -> MeterId.of("m", "k", null))
                        .getMessage());
        assertEquals(
                "supplier",
                assertThrows(NullPointerException.class, () -> registry.gauge(MeterId.of("g"), null))
                        .getMessage());
    }

    @Test
    void counter_refusesToDecrease() {
        assertThrows(
                IllegalArgumentException.class,
                () -> registry.counter(MeterId.of("c")).increment(-1));
    }

    @Test
    void functionGauge_isHeldStrongly_andContainsFailures() {
        AtomicInteger size = new AtomicInteger(3);
        FunctionGauge gauge = registry.gauge(MeterId.of("queue.size"), size::get);
        System.gc();
        assertEquals(3.0, gauge.value());
        FunctionGauge broken = registry.gauge(MeterId.of("broken"), () -> {
            throw new IllegalStateException("boom");
        });
        assertTrue(Double.isNaN(broken.value()));
        assertEquals(1, broken.failures());
    }

    @Test
    void settableGauge_readsNaN_untilSet() {
        Gauge gauge = registry.gauge(MeterId.of("temperature"));
        assertTrue(Double.isNaN(gauge.value()));
        gauge.set(21.5);
        assertEquals(21.5, gauge.value());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void identity_isTheNameAndThePairs_withSeparatorsInValuesEscaped() {
        MeterId joined = MeterId.of("orders", "region", "eu, tier=gold");
        MeterId pairs = MeterId.of("orders", "region", "eu", "tier", "gold");
        assertTrue(!joined.equals(pairs) && joined.compareTo(pairs) != 0);
        assertEquals("orders{region=eu\\, tier\\=gold}", joined.toString());
        assertEquals("orders{region=eu, tier=gold}", pairs.toString());
        assertEquals("x{k=a\\}\\{\\\\}", MeterId.of("x", "k", "a}{\\").toString());
        assertEquals(MeterId.of("x", "k", "a\uD800"), MeterId.of("x", "k", "a\uDBFF"), "normalised before identity");
    }
}
