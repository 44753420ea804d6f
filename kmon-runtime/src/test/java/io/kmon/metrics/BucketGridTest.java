package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BucketGridTest {

    @Test
    void everyValue_estimatedWithinDocumentedError() {
        SplittableRandom random = new SplittableRandom(42);
        for (long v = 1; v < 100_000; v++) {
            assertWithinError(v);
        }
        for (int i = 0; i < 1_000_000; i++) {
            assertWithinError(random.nextLong(1, Timer.MAX_NANOS + 1));
        }
    }

    @Test
    void documentedError_isTheBoundOfTheGrid() {
        double r = Math.pow(2, 1.0 / 16);
        double bound = (r - 1) / (r + 1);
        assertTrue(
                BucketGrid.RELATIVE_ERROR >= bound && BucketGrid.RELATIVE_ERROR < bound + 0.0001,
                () -> "bound " + bound);
    }

    @Test
    void fastIndex_agreesWithExactBoundaries_aroundEveryBoundary() {
        // Each boundary 1e9 * 2^(i/16) ns, checked in integers: v^16 against 1e144 * 2^i.
        for (int grid = BucketGrid.MIN_INDEX; grid < BucketGrid.MAX_INDEX; grid++) {
            long near = (long) Math.floor(BucketGrid.upperSeconds(grid) * 1e9);
            for (long v = Math.max(1, near - 2); v <= near + 2; v++) {
                int k = BucketGrid.index(v);
                assertEquals(BucketGrid.exactIndex(v), k, "index of " + v);
                assertTrue(BucketGrid.atMost(v, BucketGrid.gridIndex(k)), v + " above its bucket");
                if (k > 0) {
                    assertFalse(BucketGrid.atMost(v, BucketGrid.gridIndex(k) - 1), v + " fits a lower bucket");
                }
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            long v = random.nextLong(1, Timer.MAX_NANOS + 1);
            assertEquals(BucketGrid.exactIndex(v), BucketGrid.index(v), "index of " + v);
        }
    }

    @Test
    void durationsOnAPowerOfTwoSecond_landInTheBucketItBounds() {
        assertEquals(0, grid(1_000_000_000L), "1 s is le=1");
        assertEquals(1, grid(1_000_000_001L));
        assertEquals(-32, grid(250_000_000L), "250 ms is le=0.25");
        assertEquals(-31, grid(250_000_001L));
        assertEquals(16 * 3, grid(8_000_000_000L));
        assertEquals(1.0, BucketGrid.upperSeconds(0));
        assertEquals(0.25, BucketGrid.upperSeconds(-32));
        assertEquals(-32, BucketGrid.nearestGridIndex(0.25));
        assertEquals(-159, BucketGrid.nearestGridIndex(0.001), "1 ms snaps to 2^(-159/16) = 1.02 ms");
    }

    @Test
    void indexes_growWithValue() {
        int last = 0;
        for (long v = 1; v < Timer.MAX_NANOS; v = v * 11 / 10 + 1) {
            int index = BucketGrid.index(v);
            assertTrue(index >= last, "index of " + v);
            last = index;
        }
    }

    @Test
    void outOfRangeValues_clampToEnds() {
        assertEquals(0, BucketGrid.index(0));
        assertEquals(0, BucketGrid.index(-5));
        assertEquals(0, BucketGrid.index(Long.MIN_VALUE));
        assertEquals(BucketGrid.MIN_INDEX, BucketGrid.gridIndex(BucketGrid.index(1)));
        assertEquals(BucketGrid.COUNT - 1, BucketGrid.index(Timer.MAX_NANOS));
        assertEquals(BucketGrid.COUNT - 1, BucketGrid.index(Long.MAX_VALUE));
        assertEquals(BucketGrid.MAX_INDEX, BucketGrid.gridIndex(BucketGrid.index(Timer.MAX_NANOS)));
    }

    private static int grid(long nanos) {
        return BucketGrid.gridIndex(BucketGrid.index(nanos));
    }

    private static void assertWithinError(long v) {
        double estimate = BucketGrid.estimate(BucketGrid.index(v));
        double error = Math.abs(estimate - v) / v;
        assertTrue(error <= BucketGrid.RELATIVE_ERROR, () -> v + " estimated as " + estimate + ", error " + error);
    }
}
