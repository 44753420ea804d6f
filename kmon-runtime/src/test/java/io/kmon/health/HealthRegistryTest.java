package io.kmon.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.testing.FakeClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthRegistryTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final FakeClock clock = new FakeClock();
    private final long start = clock.millis();
    private final HealthRegistry registry = new HealthRegistry(clock, start, TIMEOUT);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void close() {
        never.countDown();
        registry.close();
    }

    @Test
    void noChecks_isHealthyWithTimestampAndUptime() {
        clock.advance(Duration.ofSeconds(90));
        HealthReport report = registry.check();

        assertEquals(HealthStatus.HEALTHY, report.status());
        assertEquals(clock.millis(), report.timestamp());
        assertEquals(90.0, report.uptimeSeconds());
        assertEquals(Map.of(), report.checks());
    }

    @Test
    void allHealthy_isHealthyAndEachResultCarriesDetailsAndDuration() {
        registry.register("db", () -> HealthResult.healthy(Map.of("pool", 4)));
        registry.register("cache", HealthResult::healthy);

        HealthReport report = registry.check();
        assertEquals(HealthStatus.HEALTHY, report.status());
        assertEquals(Set.of("cache", "db"), report.checks().keySet());
        assertEquals(4, report.checks().get("db").details().get("pool"));
        assertTrue(report.checks().get("db").durationMillis() >= 0);
    }

    @Test
    void anyDegradedOrUnhealthy_isDegraded() {
        registry.register("a", HealthResult::healthy);
        registry.register("b", () -> HealthResult.degraded(Map.of()));
        assertEquals(HealthStatus.DEGRADED, registry.check().status());

        registry.register("b", () -> HealthResult.unhealthy(Map.of()));
        assertEquals(HealthStatus.DEGRADED, registry.check().status(), "unhealthy but not critical");
    }

    @Test
    void unhealthyCriticalCheck_isUnhealthyButDegradedCriticalIsNot() {
        registry.registerCritical("disk", () -> HealthResult.degraded(Map.of()));
        assertEquals(HealthStatus.DEGRADED, registry.check().status());

        registry.registerCritical("disk", () -> HealthResult.unhealthy(Map.of("free_mb", 0)));
        assertEquals(HealthStatus.UNHEALTHY, registry.check().status());
    }

    @Test
    void throwingCheck_isUnhealthyWithClassAndMessageButNoStackTrace() {
        registry.register("db", () -> {
            throw new IllegalStateException("connection refused");
        });

        HealthResult result = registry.check().checks().get("db");
        assertEquals(HealthStatus.UNHEALTHY, result.status());
        assertEquals(
                Map.of("error", IllegalStateException.class.getName(), "message", "connection refused"),
                result.details());
    }

    @Test
    void checkThrowingAnError_isUnhealthyToo() {
        registry.register("deep", () -> {
            throw new StackOverflowError();
        });

        HealthResult result = registry.check().checks().get("deep");
        assertEquals(HealthStatus.UNHEALTHY, result.status());
        assertEquals(StackOverflowError.class.getName(), result.details().get("error"));
    }

    @Test
    void nullReturningCheck_isUnhealthy() {
        registry.register("lazy", () -> null);

        HealthResult result = registry.check().checks().get("lazy");
        assertEquals(HealthStatus.UNHEALTHY, result.status());
        assertEquals(NullPointerException.class.getName(), result.details().get("error"));
    }

    @Test
    void hangingCheck_isReportedTimedOutWithinTheTimeoutAndTheOthersStillAnswer() {
        registry.register("stuck", () -> {
            never.await();
            return HealthResult.healthy();
        });
        registry.register("fine", HealthResult::healthy);

        HealthReport report = assertTimeoutPreemptively(Duration.ofSeconds(10), registry::check);
        HealthResult stuck = report.checks().get("stuck");
        assertEquals(HealthStatus.UNHEALTHY, stuck.status());
        assertEquals(TimeoutException.class.getName(), stuck.details().get("error"));
        assertTrue(stuck.durationMillis() >= TIMEOUT.toMillis(), "duration " + stuck.durationMillis());
        assertEquals(HealthStatus.HEALTHY, report.checks().get("fine").status());
        assertEquals(HealthStatus.DEGRADED, report.status());
    }

    @Test
    void hangingCheck_holdsOneThreadWhateverTheNumberOfReports() {
        AtomicInteger runs = new AtomicInteger();
        registry.register("stuck", () -> {
            runs.incrementAndGet();
            never.await();
            return HealthResult.healthy();
        });

        for (int i = 0; i < 20; i++) {
            HealthReport report = assertTimeoutPreemptively(Duration.ofSeconds(10), registry::check);
            assertEquals(HealthStatus.UNHEALTHY, report.checks().get("stuck").status());
        }
        assertEquals(1, runs.get(), "later reports wait for the same run");
        assertEquals(1, registry.threads(), "one thread hung, not one per report");
    }

    @Test
    void hungCheckThatRecovers_isRunAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        registry.register("slow", () -> {
            if (runs.incrementAndGet() == 1) {
                release.await();
            }
            return HealthResult.healthy();
        });
        assertEquals(
                HealthStatus.UNHEALTHY, registry.check().checks().get("slow").status());
        release.countDown();
        // The first run ends soon after the release; a bounded wait, not a timing assertion.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HealthStatus status;
        do {
            status = registry.check().checks().get("slow").status();
        } while (status != HealthStatus.HEALTHY && System.nanoTime() < deadline);
        assertEquals(HealthStatus.HEALTHY, status);
    }

    @Test
    void livenessAndReadiness_runOnlyTheirChecks() {
        registry.registerLiveness("live", HealthResult::healthy);
        registry.register("ready", () -> HealthResult.degraded(Map.of()));
        registry.register("both", HealthResult::healthy);

        assertEquals(Set.of("live"), registry.checkLiveness().checks().keySet(), "liveness only when asked");
        assertEquals(HealthStatus.HEALTHY, registry.checkLiveness().status());
        assertEquals(
                Set.of("live", "ready", "both"),
                registry.checkReadiness().checks().keySet());
        assertEquals(HealthStatus.DEGRADED, registry.checkReadiness().status());
        assertEquals(Set.of("live", "ready", "both"), registry.check().checks().keySet());
    }

    @Test
    void registerIfAbsent_keepsTheFirstAndUnregisterRemoves() {
        registry.register("db", () -> HealthResult.degraded(Map.of()));
        assertFalse(registry.registerIfAbsent(
                "db", HealthResult::healthy, EnumSet.of(HealthRegistry.Probe.READINESS), false));
        assertEquals(HealthStatus.DEGRADED, registry.check().status());
        assertTrue(registry.unregister("db"));
        assertEquals(Set.of(), registry.names());
    }

    @Test
    void badRegistrations_areRejected() {
        assertThrows(NullPointerException.class, () -> registry.register(null, HealthResult::healthy));
        assertThrows(NullPointerException.class, () -> registry.register("x", null));
        assertThrows(IllegalArgumentException.class, () -> registry.register(" ", HealthResult::healthy));
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class, () -> registry.register("x", HealthResult::healthy, Set.of(), false));
        assertTrue(none.getMessage().contains("'x'"));
        assertThrows(IllegalArgumentException.class, () -> new HealthRegistry(clock, start, Duration.ZERO));
    }

    @Test
    void close_stopsEveryHealthThreadEvenAHungOne() throws Exception {
        Set<Thread> before = healthThreads();
        CountDownLatch bothRunning = new CountDownLatch(2); // so neither can reuse the other's thread
        registry.register("stuck", () -> {
            bothRunning.countDown();
            never.await();
            return HealthResult.healthy();
        });
        registry.register("fine", () -> {
            bothRunning.countDown();
            bothRunning.await();
            return HealthResult.healthy();
        });
        registry.check();
        assertEquals(2, registry.threads());

        registry.close();

        assertEquals(Set.of(), awaitNoNewHealthThreads(before));
        HealthResult after = registry.check().checks().get("fine");
        assertEquals(HealthStatus.UNHEALTHY, after.status(), "closed: not run");
    }

    /** Live health threads; other tests' instances may have some, so tests compare with a before set. */
    static Set<Thread> healthThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("kmon-health-"))
                .collect(java.util.stream.Collectors.toSet());
    }

    static Set<Thread> awaitNoNewHealthThreads(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> extra;
        do {
            extra = new java.util.HashSet<>(healthThreads());
            extra.removeAll(before);
            if (!extra.isEmpty()) {
                Thread.sleep(10);
            }
        } while (!extra.isEmpty() && System.nanoTime() < deadline);
        return extra;
    }

    @Test
    void hungChecks_holdOneThreadEach_andNeverDelayAnotherCheckOrAnInlineOne() {
        for (int i = 0; i < 12; i++) { // more than the old pool of 8
            registry.register("hung" + i, () -> {
                never.await();
                return HealthResult.healthy();
            });
        }
        registry.registerInlineIfAbsent("inline", HealthResult::healthy, EnumSet.of(HealthRegistry.Probe.READINESS));
        registry.register("fast", HealthResult::healthy);
        for (int i = 0; i < 3; i++) {
            HealthReport report = registry.checkReadiness();
            assertEquals(HealthStatus.HEALTHY, report.checks().get("fast").status(), report.toString());
            assertEquals(HealthStatus.HEALTHY, report.checks().get("inline").status());
            assertEquals(HealthStatus.UNHEALTHY, report.checks().get("hung0").status());
        }
        assertTrue(registry.threads() <= 12 + 3, "one per hung check, plus the fast one's: " + registry.threads());
    }
}
