package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QualityListTest {
    @Test
    void qValues_mostSpecificMatchWins() {
        assertEquals(0.5, QualityList.quality("text/*;q=0.5, */*;q=0.1", "text/plain"));
        assertEquals(0.1, QualityList.quality("text/*;q=0.5, */*;q=0.1", "application/json"));
        assertEquals(0.0, QualityList.quality("text/plain;q=0, */*", "text/plain"));
        assertEquals(1.0, QualityList.quality("Text/Plain", "text/plain"));
        assertEquals(0.3, QualityList.quality("gzip;q=0.3", "gzip"));
        assertEquals(1.0, QualityList.quality("*", "gzip"));
    }

    @Test
    void malformedOrMissing_countsAsZero() {
        assertEquals(0.0, QualityList.quality(null, "gzip"));
        assertEquals(0.0, QualityList.quality("", "gzip"));
        for (String q : new String[] {"2", "1.5", "-1", "0.1234", "abc", "", "1.001", "NaN", "Infinity"}) {
            assertEquals(0.0, QualityList.quality("gzip;q=" + q, "gzip"), q);
        }
        assertEquals(1.0, QualityList.quality("gzip ; Q=1.000", "gzip"));
    }
}
