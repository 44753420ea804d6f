package io.kmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.annotations.AlertLevel;
import io.kmon.health.DefaultChecks;
import io.kmon.health.HealthReport;
import io.kmon.health.HealthResult;
import io.kmon.health.HealthStatus;
import io.kmon.internal.MethodMonitor;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KmonHealthTest {
    private static final long MS = 1_000_000;

    private final FakeClock clock = new FakeClock();
    private final Kmon kmon = Kmon.builder()
            .clock(clock)
            .backgroundThread(false)
            .systemMetrics(false)
            .logger(new RecordingLogger())
            .healthTimeout(Duration.ofMillis(300))
            .build();

    @AfterEach
    void close() {
        kmon.close();
    }

    @Test
    void defaultChecks_areRegisteredAndHealthyAtStart() {
        assertEquals(
                Set.of(DefaultChecks.UPTIME, DefaultChecks.MEMORY, DefaultChecks.RECENT_ERRORS),
                kmon.health().names());
        clock.advance(Duration.ofSeconds(42));
        HealthReport report = kmon.health().check();
        assertEquals(42.0, report.uptimeSeconds());
        assertEquals(
                HealthStatus.HEALTHY, report.checks().get(DefaultChecks.UPTIME).status());
        assertEquals(
                HealthStatus.HEALTHY,
                report.checks().get(DefaultChecks.RECENT_ERRORS).status());
    }

    @Test
    void component_registersOneReadinessCheckNamedAfterIt() {
        kmon.component("Db", "api");
        kmon.component("Db", "api");

        assertTrue(kmon.health().checkReadiness().checks().containsKey("Db"));
        assertFalse(kmon.health().checkLiveness().checks().containsKey("Db"));
        assertEquals(4, kmon.health().names().size());
    }

    @Test
    void componentWithMostCallsFailing_isDegradedInReadiness() {
        MethodMonitor find = kmon.component("Db", "api").method("find", 0, AlertLevel.WARNING);
        find.success(MS);
        find.failure(MS, new IOException());
        find.failure(MS, new IOException());

        HealthReport ready = kmon.health().checkReadiness();
        HealthResult db = ready.checks().get("Db");
        assertEquals(HealthStatus.DEGRADED, db.status());
        assertEquals(3L, db.details().get("calls"));
        assertEquals(2L, db.details().get("errors"));
        assertEquals(HealthStatus.DEGRADED, ready.status());
    }

    @Test
    void userCheckNamedLikeAComponent_isKept() {
        kmon.health().register("Db", () -> HealthResult.healthy(Map.of("mine", true)));
        kmon.component("Db", "api");

        assertEquals(true, kmon.health().check().checks().get("Db").details().get("mine"));
    }

    @Test
    void errorAlerts_makeRecentErrorsDegraded() {
        kmon.alert(AlertLevel.ERROR, "broken", "c", Map.of());
        assertEquals(
                HealthStatus.DEGRADED,
                kmon.health().check().checks().get(DefaultChecks.RECENT_ERRORS).status());
    }

    @Test
    void hangingThrowingAndNullChecks_answerWithinTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            kmon.health().register("hangs", () -> {
                never.await();
                return HealthResult.healthy();
            });
            kmon.health().register("throws", () -> {
                throw new IOException("no route");
            });
            kmon.health().register("null", () -> null);

            HealthReport report = assertTimeoutPreemptively(
                    Duration.ofSeconds(10), () -> kmon.health().check());
            assertEquals(HealthStatus.UNHEALTHY, report.checks().get("hangs").status());
            assertEquals(HealthStatus.UNHEALTHY, report.checks().get("throws").status());
            assertEquals("no route", report.checks().get("throws").details().get("message"));
            assertEquals(HealthStatus.UNHEALTHY, report.checks().get("null").status());
            assertEquals(
                    HealthStatus.HEALTHY,
                    report.checks().get(DefaultChecks.UPTIME).status());
            assertEquals(HealthStatus.DEGRADED, report.status());
        } finally {
            never.countDown();
        }
    }

    @Test
    void systemMetricsOn_memoryCheckReadsTheProbeAndSamplersSetGauges() {
        try (Kmon withSystem = Kmon.builder()
                .clock(clock)
                .backgroundThread(false)
                .logger(new RecordingLogger())
                .build()) {
            withSystem.sampleNow();
            assertTrue(withSystem.system().isPresent());
            String status = (String) withSystem
                    .health()
                    .check()
                    .checks()
                    .get(DefaultChecks.MEMORY)
                    .details()
                    .get("status");
            assertTrue(Set.of("ok", "warning", "critical").contains(status), status);
            assertFalse(Double.isNaN(withSystem
                    .snapshot()
                    .gauges()
                    .filter(g -> g.id().name().equals("system.memory.usage_percent"))
                    .findFirst()
                    .orElseThrow()
                    .value()));
        }
    }
}
