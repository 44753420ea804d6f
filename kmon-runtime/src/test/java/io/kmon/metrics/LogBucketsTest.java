package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogBucketsTest {

    @Test
    void everyValue_estimatedWithinDocumentedError() {
        SplittableRandom random = new SplittableRandom(42);
        for (long v = 1; v < 100_000; v++) {
            assertWithinError(v);
        }
        for (int i = 0; i < 1_000_000; i++) {
            assertWithinError(random.nextLong(1, 1L << 40));
        }
    }

    @Test
    void indexes_growWithValue() {
        int last = 0;
        for (long v = 1; v < 1L << 40; v = v * 11 / 10 + 1) {
            int index = LogBuckets.index(v);
            assertTrue(index >= last, "index of " + v);
            last = index;
        }
    }

    @Test
    void outOfRangeValues_clampToEnds() {
        assertEquals(0, LogBuckets.index(0));
        assertEquals(0, LogBuckets.index(-5));
        assertEquals(LogBuckets.COUNT - 1, LogBuckets.index(Long.MAX_VALUE));
    }

    private static void assertWithinError(long v) {
        double estimate = LogBuckets.estimate(LogBuckets.index(v));
        double error = Math.abs(estimate - v) / v;
        assertTrue(error <= LogBuckets.RELATIVE_ERROR, () -> v + " estimated as " + estimate + ", error " + error);
    }
}
