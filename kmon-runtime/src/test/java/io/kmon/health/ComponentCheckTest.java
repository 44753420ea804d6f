package io.kmon.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.testing.FakeClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ComponentCheckTest {
    private final FakeClock clock = new FakeClock();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ComponentCheck check =
            new ComponentCheck("Db", calls::get, errors::get, clock, Duration.ofMinutes(5), 0.5);

    @Test
    void noCalls_isHealthy() {
        HealthResult r = check.check();
        assertEquals(HealthStatus.HEALTHY, r.status());
        assertEquals(0L, r.details().get("calls"));
    }

    @Test
    void halfFailing_isHealthyAndMoreThanHalf_isDegradedWithCounts() {
        calls.set(10);
        errors.set(5);
        assertEquals(HealthStatus.HEALTHY, check.check().status());

        calls.set(11);
        errors.set(6);
        HealthResult r = check.check();
        assertEquals(HealthStatus.DEGRADED, r.status());
        assertEquals(11L, r.details().get("calls"));
        assertEquals(6L, r.details().get("errors"));
        assertEquals(0.545, r.details().get("error_ratio"));
        assertEquals("Db", r.details().get("component"));
    }

    @Test
    void failuresOlderThanTheWindow_noLongerCount() {
        calls.set(10);
        errors.set(10);
        check.tick();
        assertEquals(HealthStatus.DEGRADED, check.check().status());

        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(1));
            calls.addAndGet(10); // ten good calls a minute
            check.tick();
        }
        HealthResult r = check.check();
        assertEquals(HealthStatus.HEALTHY, r.status());
        assertEquals(0L, r.details().get("errors"));
        assertEquals(10L, r.details().get("total_errors"));
    }

    @Test
    void readings_stayBoundedWhateverTheCheckRate() {
        for (int i = 0; i < 10_000; i++) {
            clock.advance(Duration.ofMillis(100));
            calls.incrementAndGet();
            check.check();
        }
        assertTrue(check.readings() <= 62, "readings: " + check.readings());
    }

    @Test
    void badRatio_isRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ComponentCheck("x", calls::get, errors::get, clock, Duration.ofMinutes(5), 1.5));
    }
}
