package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.testing.FakeClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimerTest {
    private final FakeClock clock = new FakeClock();
    private final MeterRegistry registry =
            new MeterRegistry(clock, Duration.ofHours(1).toMillis(), 1_000);

    @Test
    void emptyTimer_reportsNoSamples() {
        MeterSnapshot.TimerSnapshot s = registry.timer(MeterId.of("t")).snapshot(clock.millis());
        assertEquals(0, s.count());
        assertTrue(s.window().isEmpty());
    }

    @Test
    void records_countSumMinMax() {
        Timer timer = registry.timer(MeterId.of("t"));
        timer.record(1_000);
        timer.record(3_000);
        timer.record(-7); // a clock step backwards counts as zero, never negative
        MeterSnapshot.TimerSnapshot s = timer.snapshot(clock.millis());
        assertEquals(3, s.count());
        assertEquals(4_000, s.totalNanos());
        WindowStats w = s.window().orElseThrow();
        assertEquals(0, w.minNanos());
        assertEquals(3_000, w.maxNanos());
    }

    @Test
    void durationAndTimeUnitForms_recordTheSameNanoseconds() {
        Timer timer = registry.timer(MeterId.of("t"));
        timer.record(Duration.ofMillis(2));
        timer.record(3, TimeUnit.MICROSECONDS);
        timer.record(Duration.ofSeconds(Long.MAX_VALUE)); // beyond toNanos: saturates like record(long)
        MeterSnapshot.TimerSnapshot s = timer.snapshot(clock.millis());
        assertEquals(3, s.count());
        assertEquals(2_003_000 + Timer.MAX_NANOS, s.totalNanos());
    }

    @Test
    void runnableAndSupplierForms_timeTheCall_returnItsValue_andRethrowUnchanged() {
        Timer timer = registry.timer(MeterId.of("t"));
        int[] ran = {0};
        timer.record(() -> {
            ran[0]++;
        });
        assertEquals("v", timer.record(() -> "v"));
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> timer.record((Runnable) () -> {
                    throw boom;
                }));
        assertSame(boom, thrown);
        assertEquals(1, ran[0]);
        assertEquals(3, timer.count(), "a call that threw is timed too");
    }

    @Test
    void window_expiresOldSamples_keepsCumulativeTotals() {
        Timer timer = registry.timer(MeterId.of("t"));
        timer.record(5_000_000);
        clock.advance(Duration.ofMinutes(31));
        timer.snapshot(clock.millis()); // kmon's sampler reads (and so rotates) every sample interval
        timer.record(7_000_000);
        WindowStats both = timer.snapshot(clock.millis()).window().orElseThrow();
        assertEquals(2, both.count(), "the previous half is still in the window");

        clock.advance(Duration.ofMinutes(30));
        WindowStats recent = timer.snapshot(clock.millis()).window().orElseThrow();
        assertEquals(1, recent.count(), "the oldest half has left the window");
        assertEquals(7_000_000, recent.maxNanos());

        clock.advance(Duration.ofHours(2));
        MeterSnapshot.TimerSnapshot idle = timer.snapshot(clock.millis());
        assertTrue(idle.window().isEmpty(), "an idle window reports no samples, not stale ones");
        assertEquals(2, idle.count());
        assertEquals(12_000_000, idle.totalNanos());
    }

    @Test
    void percentiles_withinDocumentedError_onLogNormalData() {
        Timer timer = registry.timer(MeterId.of("t"));
        Random random = new Random(7);
        long[] values = new long[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(1, (long) Math.exp(12 + 1.5 * random.nextGaussian())); // median ~160 µs, long tail
            timer.record(values[i]);
        }
        Arrays.sort(values);
        WindowStats w = timer.snapshot(clock.millis()).window().orElseThrow();
        assertClose(exact(values, 0.50), w.p50Nanos());
        assertClose(exact(values, 0.95), w.p95Nanos());
        assertClose(exact(values, 0.99), w.p99Nanos());
        assertEquals(values[0], w.minNanos());
        assertEquals(values[values.length - 1], w.maxNanos());
        double mean = Arrays.stream(values).average().orElseThrow();
        assertClose(mean, w.meanNanos());
    }

    @Test
    void cumulativeBuckets_keepEverySampleAfterItLeavesTheWindow() {
        Timer timer = registry.timer(MeterId.of("t"));
        timer.record(1_000_000_000L); // on a boundary: the bucket le=1 s (grid index 0)
        timer.record(1_000_000_001L);
        timer.record(3_000);
        clock.advance(Duration.ofMinutes(31));
        timer.snapshot(clock.millis());
        timer.record(3_000);
        clock.advance(Duration.ofHours(3)); // both halves rotate out, folded into the cumulative counts
        MeterSnapshot.TimerSnapshot s = timer.snapshot(clock.millis());
        assertTrue(s.window().isEmpty());
        CumulativeBuckets b = s.buckets();
        assertEquals(4, b.total());
        assertEquals(3, b.size());
        assertEquals(BucketGrid.gridIndex(BucketGrid.index(3_000)), b.gridIndex(0));
        assertEquals(2, b.count(0));
        assertEquals(0, b.gridIndex(1));
        assertEquals(1, b.count(1));
        assertEquals(1, b.gridIndex(2));
        assertEquals(3, b.countAtMost(0), "le=1 s holds 1 s itself");
        timer.record(3_000);
        assertEquals(3, timer.snapshot(clock.millis()).buckets().count(0), "folded and new counts add up");
    }

    @Test
    void cumulativeBuckets_carryPastFourBillionInOneBucket() throws Exception {
        Timer timer = registry.timer(MeterId.of("t"));
        timer.record(3_000);
        // 2^32 - 1 samples already folded into this bucket: recording them would take minutes.
        java.lang.reflect.Field windowField = Timer.class.getDeclaredField("window");
        windowField.setAccessible(true);
        Object window = windowField.get(timer);
        java.lang.reflect.Field octavesField = WindowedHistogram.class.getDeclaredField("octaves");
        octavesField.setAccessible(true);
        int k = BucketGrid.index(3_000);
        int[] octave = ((int[][]) octavesField.get(window))[k >>> 4];
        octave[32 + (k & 15)] = -1; // unsigned 4,294,967,295
        clock.advance(Duration.ofMinutes(31));
        timer.snapshot(clock.millis());
        clock.advance(Duration.ofMinutes(31)); // the half holding the 3 µs sample is folded: a carry
        CumulativeBuckets b = timer.snapshot(clock.millis()).buckets();
        assertEquals(1L << 32, b.count(0));
        timer.record(3_000);
        assertEquals((1L << 32) + 1, timer.snapshot(clock.millis()).buckets().count(0));
    }

    @Test
    void cumulativeBuckets_exactUnderConcurrentRecordsAndRotations() throws Exception {
        Timer timer = registry.timer(MeterId.of("t"));
        int threads = 4;
        int perThread = 200_000;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long base = 1_000L << (t * 3); // each thread its own octaves: 1 µs, 8 µs, 64 µs, 512 µs
            writers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                    timer.record(base + i % 1_000);
                }
            });
            writers[t].start();
        }
        start.countDown();
        long last = 0;
        while (java.util.Arrays.stream(writers).anyMatch(Thread::isAlive)) {
            clock.advance(Duration.ofMinutes(17)); // a rotation on most reads, while writers write
            long total = timer.snapshot(clock.millis()).buckets().total();
            assertTrue(total >= last, "cumulative counts never go back");
            last = total;
        }
        for (Thread w : writers) {
            w.join();
        }
        clock.advance(Duration.ofHours(2));
        MeterSnapshot.TimerSnapshot s = timer.snapshot(clock.millis());
        assertEquals((long) threads * perThread, s.count());
        assertEquals((long) threads * perThread, s.buckets().total(), "no sample lost to a rotation");
    }

    @Test
    void record_allocatesNothing_onceItsOctavesExist() {
        Timer timer = registry.timer(MeterId.of("t"));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 300_000; i++) {
            timer.record(1_000 + i % 100_000); // allocates the octaves of 1 µs to 101 µs, then warms up
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1_000_000; i++) {
            timer.record(1_000 + i % 100_000);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1_000, allocated + " B for a million records"); // slack for the probe itself
    }

    @Test
    void sample_recordsOnceOnClose() {
        Timer timer = registry.timer(MeterId.of("t"));
        Timer.Sample sample = timer.start();
        sample.close();
        sample.close();
        assertEquals(1, timer.count());
    }

    private static double exact(long[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    private static void assertClose(double expected, double actual) {
        double error = Math.abs(actual - expected) / expected;
        assertTrue(
                error <= BucketGrid.RELATIVE_ERROR,
                () -> "expected ~" + expected + " got " + actual + " (" + error + ")");
    }
}
