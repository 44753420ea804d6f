package io.kmon.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountWindowTest {
    private static final long HOUR = 3_600_000;

    @Test
    void growth_countsFromOriginUntilAWindowHasPassed() {
        CountWindow w = new CountWindow(HOUR, 0);
        assertEquals(5, w.growth("k", 60_000, 5));
        assertEquals(8, w.growth("k", HOUR / 2, 8));
        assertEquals(3, w.growth("k", HOUR + 60_000, 8), "the reading at 1 min is the baseline");
        assertEquals(0, w.growth("k", 3 * HOUR, 8));
    }

    @Test
    void readingsCloserThanTheSpacing_areNotKept() {
        CountWindow w = new CountWindow(HOUR, 0);
        w.growth("k", 1_000, 5); // within 30 s of the origin: not kept
        assertEquals(8, w.growth("k", HOUR + 1_000, 8), "the origin is still the baseline");
    }

    @Test
    void keys_areIndependent() {
        CountWindow w = new CountWindow(HOUR, 0);
        assertEquals(5, w.growth("a", 1, 5));
        assertEquals(7, w.growth("b", 1, 7));
    }

    @Test
    void readings_stayBoundedWhateverTheEvaluationRate() {
        CountWindow w = new CountWindow(HOUR, 0);
        for (long t = 0; t < 3 * HOUR; t += 1_000) {
            w.growth("k", t, t);
        }
        assertTrue(w.readings("k") <= 122, "readings: " + w.readings("k"));
    }
}
