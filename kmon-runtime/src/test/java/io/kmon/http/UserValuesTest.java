package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmon.Kmon;
import io.kmon.alert.Alert;
import io.kmon.alert.AlertEngine;
import io.kmon.annotations.AlertLevel;
import io.kmon.format.Json;
import io.kmon.health.HealthResult;
import io.kmon.health.HealthStatus;
import io.kmon.metrics.Counter;
import io.kmon.testing.FakeClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a user registers (health details, alert details, exceptions, gauges, checks, tag values)
 * cannot break a read: over a real port, every endpoint still answers, within the client's
 * timeout, at the end of each scenario.
 */
class UserValuesTest {
    static final List<String> ENDPOINTS = List.of(
            "/",
            "/metrics",
            "/metrics/prometheus",
            "/metrics/series?name=api.calls",
            "/health",
            "/health/live",
            "/health/ready",
            "/alerts",
            "/errors");

    private final FakeClock clock = new FakeClock();
    private final CountDownLatch release = new CountDownLatch(1);
    private Kmon kmon;
    private KmonServer server;

    private void start(Kmon k) {
        kmon = k;
        server = KmonServer.start(kmon, 0);
    }

    private void start() {
        start(Fixtures.kmon(clock));
    }

    @AfterEach
    void stop() {
        release.countDown(); // lets every blocked callback and check end
        if (server != null) {
            server.close();
        }
        if (kmon != null) {
            kmon.close();
        }
    }

    /** Every endpoint answers; the health ones with {@code healthStatus}, the others 200. */
    private void assertEveryEndpointAnswers(int healthStatus) throws Exception {
        for (String path : ENDPOINTS) {
            HttpResponse<String> r = Http.get(server, path);
            int expected = path.startsWith("/health") && !path.equals("/health/live") ? healthStatus : 200;
            assertEquals(expected, r.statusCode(), path + ": " + r.body());
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    private void blockUntilReleased() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void healthDetailsOfAnyType_areServedAsPlainJson() throws Exception {
        start();
        Map<String, Object> self = new HashMap<>();
        self.put("self", self);
        Object badBean = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("getter failed");
            }
        };
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("last_sync", Instant.parse("2026-12-01T12:00:00Z"));
        details.put("lag", Duration.ofSeconds(3));
        details.put("day", LocalDate.of(2026, 12, 1));
        details.put("maybe", Optional.of(5));
        details.put("bean", badBean);
        details.put("loop", self);
        kmon.health().register("sync", () -> HealthResult.healthy(details));
        kmon.health().registerLiveness("sync_live", () -> HealthResult.healthy(Map.of("at", Instant.EPOCH)));

        HttpResponse<String> r = Http.get(server, "/health");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode d = json(r).get("checks").get("sync").get("details");
        assertEquals("2026-12-01T12:00:00Z", d.get("last_sync").asText());
        assertEquals("PT3S", d.get("lag").asText());
        assertEquals("2026-12-01", d.get("day").asText());
        assertEquals(5, d.get("maybe").asInt());
        assertEquals(
                "(unreadable: java.lang.IllegalStateException)", d.get("bean").asText());
        assertEquals("(cycle)", d.get("loop").get("self").asText());
        assertEquals(
                "1970-01-01T00:00:00Z",
                json(Http.get(server, "/health/live"))
                        .get("checks")
                        .get("sync_live")
                        .get("details")
                        .get("at")
                        .asText());
        assertEveryEndpointAnswers(200);
    }

    @Test
    void alertDetailsOfAnyType_areServedAsPlainJson_andTheLogLineIsOneLine() throws Exception {
        start();
        Alert alert = kmon.alert(
                AlertLevel.WARNING,
                "sync late\n[CRITICAL] forged line",
                "sync",
                Map.of("at", Instant.parse("2026-12-01T12:00:00Z"), "lag", Duration.ofMinutes(2)));

        HttpResponse<String> r = Http.get(server, "/alerts");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode first = json(r).get("alerts").get(0);
        assertEquals("2026-12-01T12:00:00Z", first.get("details").get("at").asText());
        assertEquals("PT2M", first.get("details").get("lag").asText());
        String logged = AlertEngine.logLine(alert);
        assertTrue(logged.contains("sync late\\n[CRITICAL] forged line") && !logged.contains("\n"), logged);
        assertEveryEndpointAnswers(200);
    }

    @Test
    void exceptionsWhoseMessageThrowsAnErrorOrRecurses_stillLeaveErrorsAnswering() throws Exception {
        start();
        kmon.recordError("Sync", new RuntimeException() {
            @Override
            public String getMessage() {
                throw new StackOverflowError();
            }
        });
        kmon.recordError("Sync", new IllegalStateException() {
            @Override
            public String getMessage() {
                return getMessage(); // recurses until the stack overflows
            }
        });
        kmon.recordError("Sync", new IllegalArgumentException() {
            @Override
            public StackTraceElement[] getStackTrace() {
                throw new AssertionError("no frames");
            }
        });

        HttpResponse<String> r = Http.get(server, "/errors");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, json(r).get("errors").size());
        assertTrue(r.body().contains("(getMessage threw java.lang.StackOverflowError)"), r.body());
        assertTrue(r.body().contains("(stack trace unavailable: java.lang.AssertionError)"), r.body());
        assertEveryEndpointAnswers(200);
    }

    @Test
    void hugeMessages_areCutToTheirBound_soErrorsAndAlertsStaySmall() throws Exception {
        start();
        String mib = "m".repeat(1 << 20);
        for (int i = 0; i < 300; i++) {
            kmon.component("C" + i, "api");
            kmon.errors().record("C" + i, "call", new IllegalStateException(mib));
            kmon.alert(AlertLevel.ERROR, mib, "C" + i, Map.of("message", mib));
        }

        HttpResponse<String> errors = Http.get(server, "/errors");
        assertEquals(200, errors.statusCode());
        assertEquals(300, json(errors).get("errors").size());
        // per group: one message and a trace of bounded lines, whatever the message's size
        assertTrue(
                errors.body().length() < 300 * 30_000,
                "errors body " + errors.body().length());
        for (Alert a : kmon.alerts().recent()) {
            assertTrue(a.message().length() <= 1024 && ((String) a.details().get("message")).length() <= 1024);
        }
        assertEveryEndpointAnswers(200);
    }

    @Test
    void blockingGauge_holdsNoReader_andReadsItsLastGoodValue() throws Exception {
        start(Kmon.builder()
                .clock(clock)
                .backgroundThread(false)
                .systemMetrics(false)
                .callbackTimeout(Duration.ofMillis(50))
                .build());
        AtomicBoolean block = new AtomicBoolean();
        kmon.gauge("queue.depth", () -> {
            if (block.get()) {
                blockUntilReleased();
            }
            return 7;
        });
        assertEquals(
                7.0,
                kmon.snapshot()
                        .gauges()
                        .filter(g -> g.id().name().equals("queue.depth"))
                        .findFirst()
                        .orElseThrow()
                        .value());
        block.set(true);

        for (int i = 0; i < 3; i++) {
            assertEveryEndpointAnswers(200); // each read waits once at most, then not at all
            kmon.sampleNow(); // the sampler does not hang either
        }
        HttpResponse<String> prom = Http.get(server, "/metrics/prometheus");
        assertTrue(prom.body().contains("queue_depth 7"), "the last good value");
        assertEquals(1L, kmon.internalFailureCounts().get("read:queue.depth"), "one late read, then it is skipped");
        release.countDown();
    }

    @Test
    void hungReadinessChecks_neitherStarveAFastCriticalCheck_norTouchLiveness() throws Exception {
        start(Kmon.builder()
                .clock(clock)
                .backgroundThread(false)
                .systemMetrics(false)
                .healthTimeout(Duration.ofMillis(200))
                .build());
        for (int i = 0; i < 20; i++) {
            kmon.health().register("hung" + i, () -> {
                blockUntilReleased();
                return HealthResult.healthy();
            });
        }
        kmon.health().registerCritical("fast", HealthResult::healthy);

        for (int i = 0; i < 3; i++) {
            JsonNode ready = json(Http.get(server, "/health/ready"));
            assertEquals(
                    "healthy", ready.get("checks").get("fast").get("status").asText(), ready.toString());
            assertEquals("degraded", ready.get("status").asText(), "hung non-critical checks: degraded, not down");
            HttpResponse<String> live = Http.get(server, "/health/live");
            assertEquals(200, live.statusCode());
            assertTrue(json(live).get("checks").path("hung0").isMissingNode(), "user checks are not liveness");
        }
        assertEveryEndpointAnswers(200);
    }

    @Test
    void manyChecksStartedTogether_eachGetTheirWholeTimeout() throws Exception {
        start();
        int n = 40;
        CountDownLatch allStarted = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            kmon.health().registerCritical("c" + i, () -> {
                allStarted.countDown();
                // healthy only once every check is running at the same time: no check waits in a queue
                return allStarted.await(1, TimeUnit.SECONDS)
                        ? HealthResult.healthy()
                        : HealthResult.unhealthy(Map.of());
            });
        }
        assertEquals(
                HealthStatus.HEALTHY.toString(),
                json(Http.get(server, "/health/ready")).get("status").asText());
        assertEveryEndpointAnswers(200);
    }

    @Test
    void tagValuesWithSeparators_areSeriesOfTheirOwn() throws Exception {
        start();
        Counter joined = kmon.counter("orders.placed", "region", "eu, tier=gold");
        Counter pairs = kmon.counter("orders.placed", "region", "eu", "tier", "gold");
        assertNotSame(joined, pairs);
        joined.increment();
        pairs.increment(2);

        JsonNode counters = json(Http.get(server, "/metrics"))
                .get("monitoring")
                .get("metrics_summary")
                .get("counters");
        assertEquals(1, counters.get("orders.placed{region=eu\\, tier\\=gold}").asLong());
        assertEquals(2, counters.get("orders.placed{region=eu, tier=gold}").asLong());
        String prom = Http.get(server, "/metrics/prometheus").body();
        assertTrue(prom.contains("orders_placed_total{region=\"eu, tier=gold\"} 1.0"), prom);
        assertTrue(prom.contains("orders_placed_total{region=\"eu\",tier=\"gold\"} 2.0"), prom);
        assertEveryEndpointAnswers(200);
    }

    @Test
    void loneSurrogates_areReplacedBeforeIdentity_soTheyExportAsOneSeries() throws Exception {
        start();
        Counter a = kmon.counter("visits", "page", "a\uD800");
        Counter b = kmon.counter("visits", "page", "a\uDC00");
        assertSame(a, b);
        a.increment();
        b.increment();
        String prom = Http.get(server, "/metrics/prometheus").body();
        assertEquals(1, prom.lines().filter(l -> l.startsWith("visits_total{")).count(), prom);
        assertTrue(prom.contains("visits_total{page=\"a\uFFFD\"} 2.0"), prom);
        assertEveryEndpointAnswers(200);
    }
}
