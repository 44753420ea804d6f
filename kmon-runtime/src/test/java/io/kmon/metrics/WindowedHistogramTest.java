package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowedHistogramTest {
    private static final long HALF = 30 * 60_000L;

    @Test
    void oneThread_neverStripes() {
        WindowedHistogram h = new WindowedHistogram(2 * HALF, 0);
        for (int i = 0; i < 100_000; i++) {
            h.record(5_000);
        }
        assertFalse(h.striped());
        assertEquals(100_000, h.read(0).cumulative().total());
    }

    @Test
    void threadsOnOneBucket_stripe_andEverySampleIsCounted_throughRotations() throws Exception {
        WindowedHistogram h = new WindowedHistogram(2 * HALF, 0);
        int threads = 4;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong recorded = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            writers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long n = 0;
                // Until the histogram has striped and every thread has recorded into the stripes a while.
                while (!stop.get() || n < 200_000) {
                    h.record(5_000 + (n & 7)); // one bucket: every thread on one cache line
                    n++;
                }
                recorded.addAndGet(n);
            });
            writers[t].start();
        }
        start.countDown();
        long now = 0;
        long last = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!h.striped() && System.nanoTime() < deadline) {
            now += HALF / 3; // rotations, folding every stripe, while the writers write
            long total = h.read(now).cumulative().total();
            assertTrue(total >= last, "cumulative counts never go back");
            last = total;
        }
        for (int i = 0; i < 20; i++) {
            now += HALF / 3;
            long total = h.read(now).cumulative().total();
            assertTrue(total >= last, "cumulative counts never go back");
            last = total;
        }
        stop.set(true);
        for (Thread w : writers) {
            w.join();
        }
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(h.striped(), "four threads on one bucket collide on two or more cores");
        }
        assertEquals(recorded.get(), h.read(now).cumulative().total(), "no sample lost in a stripe or a fold");
        now += 2 * HALF;
        assertTrue(h.read(now).window().isEmpty(), "every stripe's halves are folded out");
        assertEquals(recorded.get(), h.read(now).cumulative().total());
    }
}
