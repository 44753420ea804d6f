package io.kmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.internal.Background;
import io.kmon.testing.FakeClock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class KmonTest {

    @Test
    void global_isOneInstance_evenWhenRacedFor() {
        Set<Kmon> seen = ConcurrentHashMap.newKeySet();
        CompletableFuture<?>[] racers = new CompletableFuture<?>[8];
        for (int i = 0; i < racers.length; i++) {
            racers[i] = CompletableFuture.runAsync(() -> seen.add(Kmon.global()));
        }
        CompletableFuture.allOf(racers).join();
        assertEquals(1, seen.size());
        assertSame(Kmon.global(), seen.iterator().next());
    }

    @Test
    void create_makesIsolatedInstances() {
        try (Kmon a = Kmon.create();
                Kmon b = Kmon.create()) {
            a.counter("c").increment();
            assertNotSame(a, b);
            assertEquals(0, b.snapshot().count("c"));
        }
    }

    @Test
    void sampleNow_appendsSeriesPoints_atTheClocksTime() {
        FakeClock clock = new FakeClock();
        try (Kmon kmon = Kmon.builder().clock(clock).backgroundThread(false).build()) {
            kmon.counter("jobs").increment(2);
            kmon.sampleNow();
            clock.advance(Duration.ofSeconds(10));
            kmon.counter("jobs").increment();
            kmon.sampleNow();
            assertEquals(2, kmon.series("jobs", 0).size());
            assertEquals(3.0, kmon.series("jobs", clock.millis()).get(0).value());
            assertTrue(kmon.seriesNames().contains("jobs"));
        }
    }

    @Test
    void close_stopsTheBackgroundThread() throws InterruptedException {
        long before = backgroundThreads();
        Kmon kmon = Kmon.builder().sampleInterval(Duration.ofMillis(10)).build();
        kmon.counter("x").increment();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kmon.series("x", 0).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(kmon.series("x", 0).isEmpty(), "the background thread samples");
        assertEquals(before + 1, backgroundThreads());
        kmon.close();
        kmon.close();
        assertEquals(before, backgroundThreads());
    }

    private static long backgroundThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(Background.THREAD_NAME) && t.isAlive())
                .count();
    }
}
