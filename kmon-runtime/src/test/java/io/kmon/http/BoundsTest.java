package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.alert.Alert;
import io.kmon.alert.CardinalityRule;
import io.kmon.health.HealthResult;
import io.kmon.metrics.Counter;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.Timer;
import io.kmon.testing.FakeClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Caps on names, components and checks; reserved names; a saturating timer sum; over a real port. */
class BoundsTest {
    private final FakeClock clock = new FakeClock();
    private Kmon kmon;
    private KmonServer server;

    private void start(Kmon k) {
        kmon = k;
        server = KmonServer.start(kmon, 0);
    }

    @AfterEach
    void stop() {
        server.close();
        kmon.close();
    }

    private void assertEveryEndpointAnswers() throws Exception {
        for (String path : UserValuesTest.ENDPOINTS) {
            HttpResponse<String> r = Http.get(server, path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
        }
    }

    private io.kmon.KmonBuilder builder() {
        return Kmon.builder().clock(clock).backgroundThread(false).systemMetrics(false);
    }

    @Test
    void metricNamesOverTheCap_workButAreNotKept_countedExactly_withOneWarning() throws Exception {
        start(builder().maxMetricNames(100).build());
        int taken = 0; // kmon's own names do not count against the cap
        for (int i = 0; i < 1_000; i++) {
            Counter c = kmon.counter("flood.n" + i);
            c.increment();
            assertEquals(1, c.count(), "the handle works either way");
        }
        assertEquals(1_000 - (100 - taken), kmon.metrics().refusedNames());
        Set<String> names = kmon.snapshot().meters().stream()
                .map(m -> m.id().name())
                .filter(n -> n.startsWith("flood."))
                .collect(Collectors.toSet());
        assertEquals(100, names.size(), "the first 100 names are kept");
        kmon.alerts().addListener(alert -> {
            throw new IllegalStateException("listener down");
        });

        kmon.checkAlertsNow();
        clock.advance(Duration.ofSeconds(1));
        kmon.counter("flood.more").increment();
        kmon.checkAlertsNow(); // still refusing: within the cooldown, no second alert
        List<Alert> warnings = kmon.alerts().recent().stream()
                .filter(a -> a.rule().equals(CardinalityRule.NAME))
                .toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0).message().contains("cap of 100 metric names"),
                warnings.get(0).message());
        assertEquals(
                1,
                kmon.snapshot().count(MetricNames.INTERNAL_FAILURES, "source", "listener"),
                "kmon's own series, registered after the cap was reached, are never refused");
        assertTrue(Http.get(server, "/metrics/prometheus")
                .body()
                .contains("monitoring_metric_names_refused_total " + (1_001 - (100 - taken))));
        assertEveryEndpointAnswers();
    }

    @Test
    void componentsOverTheCap_stillRecord_butAreNotListedOrChecked() throws Exception {
        start(builder().maxComponents(3).build());
        for (int i = 0; i < 5; i++) {
            kmon.component("C" + i, "api")
                    .method("call", 0, io.kmon.annotations.AlertLevel.WARNING)
                    .success(1_000);
        }
        assertEquals(3, kmon.components().size());
        assertEquals(2, kmon.snapshot().count(MetricNames.COMPONENTS_REFUSED));
        assertEquals(
                Set.of("C0", "C1", "C2"),
                kmon.health().names().stream().filter(n -> n.startsWith("C")).collect(Collectors.toSet()));
        assertEquals(5, kmon.snapshot().sum("api.calls"), "calls of unlisted components still count");
        assertEveryEndpointAnswers();
    }

    @Test
    void healthChecksOverTheCap_areRefusedClearly() throws Exception {
        start(builder().maxHealthChecks(5).build());
        for (int i = 0; i < 10; i++) {
            kmon.component("C" + i, "api"); // kmon's own inline checks: capped by maxComponents, not here
        }
        for (int i = 0; i < 4; i++) { // with kmon's memory check, the fifth threaded check
            kmon.health().register("h" + i, HealthResult::healthy);
        }
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> kmon.health().register("one.too.many", HealthResult::healthy));
        assertTrue(e.getMessage().contains("5 checks are registered"), e.getMessage());
        kmon.health().register("h0", HealthResult::healthy); // replacing is not adding
        kmon.health().unregister("h1");
        kmon.health().register("h4", HealthResult::healthy); // a freed place can be taken
        assertEquals(2 + 1 + 10 + 4, kmon.health().names().size());
        assertEveryEndpointAnswers();
    }

    @Test
    void kmonsOwnNamesAndTheOverflowTag_areReserved() throws Exception {
        start(builder().build());
        for (String name : List.of(
                "errors.count",
                "log.events",
                "monitoring.alerts",
                "jvm.threads.live",
                "system.cpu.usage_percent",
                "process.uptime_seconds",
                "api.duration.p95")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kmon.counter(name));
            assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> kmon.gauge("api.duration.p95", () -> 1));
        assertThrows(IllegalArgumentException.class, () -> kmon.timer("monitoring.x"));
        assertThrows(IllegalArgumentException.class, () -> kmon.component("X", "monitoring"));
        IllegalArgumentException tag =
                assertThrows(IllegalArgumentException.class, () -> kmon.counter("orders", "overflow", "true"));
        assertTrue(tag.getMessage().contains("'overflow' is reserved"), tag.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kmon.counter("n".repeat(257)), "names are bounded");
        assertThrows(IllegalArgumentException.class, () -> kmon.counter("n", "k".repeat(257), "v"));
        for (String key : List.of("quantile", "le")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kmon.timer("t", key, "1"));
            assertTrue(e.getMessage().contains("'" + key + "' is reserved"), e.getMessage());
        }
        assertEveryEndpointAnswers();
    }

    @Test
    void timerSum_saturatesInsteadOfWrapping() throws Exception {
        start(builder().build());
        Timer t = kmon.timer("huge");
        for (int i = 0; i < 1_100; i++) {
            t.record(Long.MAX_VALUE);
        }
        assertEquals(1_100, t.count());
        assertEquals(Long.MAX_VALUE, t.totalNanos());
        String prom = Http.get(server, "/metrics/prometheus").body();
        assertTrue(prom.contains("huge_seconds_sum 9.223372036854776E9"), prom);
        assertEveryEndpointAnswers();
    }
}
