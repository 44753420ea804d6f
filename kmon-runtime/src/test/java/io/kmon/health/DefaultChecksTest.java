package io.kmon.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kmon.alert.AlertEngine;
import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.InternalFailures;
import io.kmon.system.MemoryReading;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultChecksTest {
    private static final long GB = 1L << 30;
    private final FakeClock clock = new FakeClock();

    @Test
    void formatUptime_isTheOriginalDesignsForm() {
        assertEquals("0m", DefaultChecks.formatUptime(0));
        assertEquals("0m", DefaultChecks.formatUptime(59.9));
        assertEquals("5m", DefaultChecks.formatUptime(300));
        assertEquals("3h 5m", DefaultChecks.formatUptime(3 * 3600 + 300));
        assertEquals("1d 2h 3m", DefaultChecks.formatUptime(86_400 + 2 * 3600 + 180 + 59));
        assertEquals("1d 0h 0m", DefaultChecks.formatUptime(86_400));
    }

    @Test
    void uptime_isHealthyWithSecondsAndHumanForm() throws Exception {
        long start = clock.millis();
        clock.advance(Duration.ofMinutes(61));

        HealthResult r = DefaultChecks.uptime(clock, start).check();
        assertEquals(HealthStatus.HEALTHY, r.status());
        assertEquals(3660.0, r.details().get("uptime_seconds"));
        assertEquals("1h 1m", r.details().get("uptime_human"));
        assertEquals("ok", r.details().get("status"));
    }

    @Test
    void memory_isOkUpTo80WarningAbove80AndCriticalAbove90() throws Exception {
        assertMemory(10 * GB, 5 * GB, HealthStatus.HEALTHY, "ok");
        assertMemory(100, 20, HealthStatus.HEALTHY, "ok"); // exactly 80%
        assertMemory(100, 15, HealthStatus.DEGRADED, "warning");
        assertMemory(100, 5, HealthStatus.UNHEALTHY, "critical");
    }

    @Test
    void memory_unreadable_isHealthyAndSaysUnavailable() throws Exception {
        HealthResult r = DefaultChecks.memory(() -> new MemoryReading(0, 0)).check();
        assertEquals(HealthStatus.HEALTHY, r.status());
        assertEquals(Map.of("status", "unavailable"), r.details());
    }

    @Test
    void memory_reportsPercentAndAvailableMegabytes() throws Exception {
        HealthResult r =
                DefaultChecks.memory(() -> new MemoryReading(4 * GB, GB)).check();
        assertEquals(75.0, r.details().get("usage_percent"));
        assertEquals(1024.0, r.details().get("available_mb"));
    }

    @Test
    void recentErrors_noneSomeAndMoreThanFiveInTheLastHour() throws Exception {
        AlertEngine alerts = new AlertEngine(
                clock, Duration.ZERO, 100, new RecordingLogger(), new InternalFailures(new RecordingLogger()));
        HealthCheck check = DefaultChecks.recentErrors(alerts, clock);
        alerts.raise(AlertLevel.WARNING, "not an error", "c", Map.of());
        assertEquals("ok", check.check().details().get("status"));

        alerts.raise(AlertLevel.ERROR, "e", "c", Map.of());
        HealthResult some = check.check();
        assertEquals(HealthStatus.DEGRADED, some.status());
        assertEquals(2, some.details().get("recent_alerts"));
        assertEquals(1L, some.details().get("error_alerts"));

        for (int i = 0; i < 5; i++) {
            alerts.raise(AlertLevel.CRITICAL, "c", "c", Map.of());
        }
        assertEquals(HealthStatus.UNHEALTHY, check.check().status());

        clock.advance(Duration.ofMinutes(61));
        assertEquals(HealthStatus.HEALTHY, check.check().status(), "an hour later they are not recent");
    }

    private static void assertMemory(long total, long available, HealthStatus status, String verdict) throws Exception {
        HealthResult r =
                DefaultChecks.memory(() -> new MemoryReading(total, available)).check();
        assertEquals(status, r.status());
        assertEquals(verdict, r.details().get("status"));
    }
}
