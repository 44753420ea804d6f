package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.format.Json;
import io.kmon.health.HealthResult;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint, status and content type over a real port. */
class KmonServerTest {
    private final FakeClock clock = new FakeClock();
    private Kmon kmon;
    private KmonServer server;

    @BeforeEach
    void start() {
        kmon = Fixtures.kmon(clock);
        Fixtures.record(kmon);
        clock.advance(Duration.ofSeconds(10));
        kmon.sampleNow();
        server = KmonServer.builder(kmon).healthCacheTime(Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        server.close();
        kmon.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    private static void assertCommonHeaders(HttpResponse<String> r, String contentType) {
        assertEquals(contentType, r.headers().firstValue("Content-Type").orElse(null));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(
                Long.toString(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                r.headers().firstValue("Content-Length").orElse(null));
    }

    @Test
    void port0_isEphemeral_andLoopbackByDefault() {
        assertNotEquals(0, server.port());
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.uri().toString());
    }

    @Test
    void metrics_isTheJsonSummary() throws Exception {
        HttpResponse<String> r = Http.get(server, "/metrics");
        assertEquals(200, r.statusCode());
        assertCommonHeaders(r, Response.JSON);
        JsonNode m = json(r).get("monitoring");
        assertEquals(10.0, m.get("uptime_seconds").asDouble(), 1e-9);
        JsonNode summary = m.get("metrics_summary");
        assertEquals(clock.millis(), summary.get("timestamp").asLong());
        assertEquals(
                10,
                summary.get("counters")
                        .get("api.calls{component=Orders, method=find}")
                        .asLong());
        assertEquals(3.0, summary.get("gauges").get("sessions.active").asDouble());
        JsonNode timer = summary.get("timers_summary").get("api.duration{component=Orders, method=find}");
        assertEquals(10, timer.get("count").asLong());
        assertEquals(0.2, timer.get("max").asDouble(), 1e-9);
        assertTrue(summary.get("series").toString().contains("api.calls"), summary.toString());
        JsonNode find = m.get("methods").get(1);
        assertEquals("Orders", find.get("component").asText());
        assertEquals("find", find.get("method").asText());
        assertEquals(10, find.get("calls").asLong());
        assertEquals(1, find.get("errors").asLong());
        assertEquals(0.1, find.get("error_rate").asDouble(), 1e-9);
        assertEquals(0.065, find.get("avg_seconds").asDouble(), 1e-9);
        assertEquals(0.2, find.get("p99_seconds").asDouble(), 0.2 * 0.0193);
        assertEquals("Billing", m.get("methods").get(0).get("component").asText());
    }

    @Test
    void metrics_carriesHealthAndAlerts() throws Exception {
        kmon.alert(AlertLevel.WARNING, "disk filling", "system", Map.of("free_mb", 12));
        JsonNode body = json(Http.get(server, "/metrics"));
        JsonNode m = body.get("monitoring");
        assertEquals(1, m.get("recent_alerts").asLong());
        assertEquals(1, m.get("alerts_by_level").get("warning").asLong());
        assertEquals(0, m.get("alerts_by_level").get("critical").asLong());
        assertEquals(kmon.health().names().size(), m.get("health_checks").asInt());
        assertEquals("healthy", body.get("health").get("status").asText(), body.toString());
        assertTrue(body.get("health").get("checks").size() >= 1, body.toString());
        assertEquals(1, body.get("alerts").get("total").asLong());
        assertEquals(1, body.get("alerts").get("recent").asLong());
    }

    @Test
    void health_is200WhenHealthy_503WhenUnhealthy() throws Exception {
        for (String path : new String[] {"/health", "/health/live", "/health/ready"}) {
            HttpResponse<String> r = Http.get(server, path);
            assertEquals(200, r.statusCode(), path);
            assertCommonHeaders(r, Response.JSON);
            JsonNode body = json(r);
            assertEquals("healthy", body.get("status").asText(), body.toString());
            assertEquals(clock.millis(), body.get("timestamp").asLong());
            assertEquals(10.0, body.get("uptime_seconds").asDouble(), 1e-9);
        }
        kmon.health().register("db", () -> HealthResult.degraded(Map.of("pool", 1)));
        JsonNode degraded = json(Http.get(server, "/health"));
        assertEquals("degraded", degraded.get("status").asText());
        assertEquals("degraded", degraded.get("checks").get("db").get("status").asText());
        assertEquals(
                1, degraded.get("checks").get("db").get("details").get("pool").asInt());

        kmon.health().registerCritical("db", () -> HealthResult.unhealthy(Map.of("reason", "no connection")));
        HttpResponse<String> down = Http.get(server, "/health");
        assertEquals(503, down.statusCode());
        assertCommonHeaders(down, Response.JSON);
        assertEquals("unhealthy", json(down).get("status").asText());
        assertEquals(503, Http.send(server, "HEAD", "/health").statusCode());
        assertEquals(200, Http.get(server, "/metrics").statusCode(), "/metrics reports, it does not fail");
    }

    @Test
    void hangingThrowingOrNullChecks_answerWithinTheHealthTimeout() throws Exception {
        try (Kmon slow = Kmon.builder()
                        .clock(clock)
                        .backgroundThread(false)
                        .systemMetrics(false)
                        .healthTimeout(Duration.ofMillis(300))
                        .build();
                KmonServer s = KmonServer.start(slow, 0)) {
            java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
            slow.health().register("hangs", () -> {
                never.await();
                return HealthResult.healthy();
            });
            slow.health().register("throws", () -> {
                throw new IllegalStateException("boom");
            });
            slow.health().register("returns_null", () -> null);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = Http.get(s, "/health"); // the client's own timeout is 20 s
                JsonNode checks = json(r).get("checks");
                assertEquals("unhealthy", checks.get("hangs").get("status").asText(), r.body());
                assertEquals("unhealthy", checks.get("throws").get("status").asText(), r.body());
                assertEquals(
                        "unhealthy", checks.get("returns_null").get("status").asText(), r.body());
                assertFalse(r.body().contains("\tat "), r.body());
            }
            assertEquals(200, Http.get(s, "/metrics").statusCode());
        }
    }

    @Test
    void closedKmon_isStillServed() throws Exception {
        kmon.close();
        assertEquals(200, Http.get(server, "/metrics/prometheus").statusCode());
        assertEquals(200, Http.get(server, "/metrics").statusCode());
        HttpResponse<String> health = Http.get(server, "/health"); // checks not run after close: a report, not a 500
        assertTrue(health.statusCode() == 200 || health.statusCode() == 503, health.body());
        assertTrue(json(health).has("status"), health.body());
    }

    @Test
    void health_onlyRunsTheProbesChecks() throws Exception {
        kmon.health()
                .register(
                        "warmup",
                        () -> HealthResult.unhealthy(Map.of()),
                        java.util.Set.of(io.kmon.health.HealthRegistry.Probe.READINESS),
                        true);
        assertEquals(200, Http.get(server, "/health/live").statusCode());
        assertFalse(json(Http.get(server, "/health/live")).get("checks").has("warmup"));
        assertEquals(503, Http.get(server, "/health/ready").statusCode());
    }

    @Test
    void alerts_newestFirst_withLimitAndSince() throws Exception {
        kmon.alert(AlertLevel.INFO, "first", "orders", Map.of());
        clock.advance(Duration.ofSeconds(1));
        long t = clock.millis();
        kmon.alert(AlertLevel.CRITICAL, "second", "orders", Map.of("queue", 7));
        HttpResponse<String> r = Http.get(server, "/alerts");
        assertEquals(200, r.statusCode());
        assertCommonHeaders(r, Response.JSON);
        JsonNode body = json(r);
        assertEquals(2, body.get("total").asLong());
        JsonNode newest = body.get("alerts").get(0);
        assertEquals("second", newest.get("message").asText());
        assertEquals("critical", newest.get("level").asText());
        assertEquals("orders", newest.get("component").asText());
        assertEquals(t, newest.get("timestamp").asLong());
        assertEquals(7, newest.get("details").get("queue").asInt());
        assertEquals(1, json(Http.get(server, "/alerts?limit=1")).get("alerts").size());
        assertEquals(
                1, json(Http.get(server, "/alerts?since=" + t)).get("alerts").size());
        assertEquals(400, Http.get(server, "/alerts?limit=0").statusCode());
        assertEquals(400, Http.get(server, "/alerts?limit=many").statusCode());
    }

    @Test
    void errors_areAggregated() throws Exception {
        HttpResponse<String> r = Http.get(server, "/errors");
        assertEquals(200, r.statusCode());
        assertCommonHeaders(r, Response.JSON);
        JsonNode body = json(r);
        assertEquals(1, body.get("total").asLong());
        JsonNode group = body.get("errors").get(0);
        assertEquals("java.io.IOException", group.get("type").asText());
        assertEquals("Orders", group.get("component").asText());
        assertEquals("find", group.get("method").asText());
        assertEquals(1, group.get("count").asLong());
        assertEquals("disk", group.get("last_message").asText());
        assertTrue(group.has("first_seen") && group.has("last_seen"), group.toString());
    }

    @Test
    void prometheus_isText004_orOpenMetricsWhenAsked() throws Exception {
        HttpResponse<String> text = Http.get(server, "/metrics/prometheus");
        assertEquals(200, text.statusCode());
        assertCommonHeaders(text, "text/plain; version=0.0.4; charset=utf-8");
        assertTrue(text.body().contains("api_calls_total{component=\"Orders\",method=\"find\"} 10"), text.body());
        assertEquals(
                "Accept, Accept-Encoding", text.headers().firstValue("Vary").orElse(null));

        HttpResponse<String> om = Http.get(
                server, "/metrics/prometheus", "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertEquals(200, om.statusCode());
        assertCommonHeaders(om, "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertTrue(om.body().endsWith("# EOF\n"), om.body());
    }

    @Test
    void series_givesRecentPoints() throws Exception {
        clock.advance(Duration.ofSeconds(10));
        Fixtures.record(kmon);
        kmon.sampleNow();
        HttpResponse<String> r = Http.get(server, "/metrics/series?name=api.calls");
        assertEquals(200, r.statusCode());
        assertCommonHeaders(r, Response.JSON);
        JsonNode body = json(r);
        assertEquals("api.calls", body.get("name").asText());
        assertEquals(2, body.get("points").size());
        assertEquals(clock.millis() - 10_000, body.get("points").get(0).get(0).asLong());
        assertEquals(10.0, body.get("points").get(0).get(1).asDouble());
        assertEquals(20.0, body.get("points").get(1).get(1).asDouble());

        JsonNode since = json(Http.get(server, "/metrics/series?name=api.calls&since=" + clock.millis()));
        assertEquals(1, since.get("points").size());
        JsonNode unknown = json(Http.get(server, "/metrics/series?name=no.such.metric"));
        assertEquals(0, unknown.get("points").size());
    }

    @Test
    void series_badOrMissingParameters_are400Json() throws Exception {
        for (String q : new String[] {
            "",
            "?since=5",
            "?name=",
            "?name=api.calls&since=x",
            "?name=api.calls&since=-5",
            "?name=bad%20name",
            "?name=a&name=b",
            "?name=%C3%28",
            "?name=%C3"
        }) {
            HttpResponse<String> r = Http.get(server, "/metrics/series" + q);
            assertEquals(400, r.statusCode(), q);
            assertCommonHeaders(r, Response.JSON);
            assertEquals(400, json(r).get("status").asInt());
            assertEquals("Bad Request", json(r).get("error").asText());
            assertFalse(r.body().contains("at io.kmon"), r.body());
        }
        HttpResponse<String> huge = Http.get(server, "/metrics/series?name=" + "a".repeat(5000));
        assertEquals(414, huge.statusCode());
        assertCommonHeaders(huge, Response.JSON);
    }

    @Test
    void dashboard_isThreeLocalFilesUnderAStrictPolicy() throws Exception {
        HttpResponse<String> page = dashboardFile("/", "text/html; charset=utf-8");
        assertTrue(page.body().startsWith("<!doctype html>"), page.body());
        assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"/dashboard.css\">"), page.body());
        assertTrue(page.body().contains("<script src=\"/dashboard.js\"></script>"), page.body());
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external asset");
        assertFalse(page.body().matches("(?s).*(<style|<script>| style=| on[a-z]+=).*"), "no inline style or script");
        assertTrue(dashboardFile("/dashboard.css", "text/css; charset=utf-8")
                .body()
                .contains("svg.chart"));
        String script =
                dashboardFile("/dashboard.js", "text/javascript; charset=utf-8").body();
        assertTrue(script.contains("chart_series"), "the script reads the chart series from /metrics");
        assertFalse(script.matches("(?s).*https?://(?!www\\.w3\\.org/2000/svg).*"), "no external URL in the script");
        assertFalse(DashboardEndpoint.CSP.contains("unsafe"), DashboardEndpoint.CSP);
        assertTrue(DashboardEndpoint.CSP.contains("script-src 'self'"), DashboardEndpoint.CSP);
        assertTrue(DashboardEndpoint.CSP.contains("style-src 'self'"), DashboardEndpoint.CSP);
    }

    private HttpResponse<String> dashboardFile(String path, String contentType) throws Exception {
        HttpResponse<String> r = Http.get(server, path);
        assertEquals(200, r.statusCode(), path);
        assertEquals(contentType, r.headers().firstValue("Content-Type").orElse(null), path);
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null), path);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
        assertEquals(
                DashboardEndpoint.CSP,
                r.headers().firstValue("Content-Security-Policy").orElse(null),
                path);
        assertEquals(
                Long.toString(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                r.headers().firstValue("Content-Length").orElse(null),
                path);
        assertTrue(r.headers().firstValue("ETag").orElse("").matches("\"[0-9a-f]{32}\""), path);
        return r;
    }

    @Test
    void dashboardFiles_answer304WhenTheBrowserHasThem() throws Exception {
        String etag =
                Http.get(server, "/dashboard.js").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(
                etag,
                Http.get(server, "/dashboard.css").headers().firstValue("ETag").orElseThrow());
        for (String ifNoneMatch : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            HttpResponse<String> r = Http.get(server, "/dashboard.js", "If-None-Match", ifNoneMatch);
            assertEquals(304, r.statusCode(), ifNoneMatch);
            assertEquals("", r.body());
            assertEquals(etag, r.headers().firstValue("ETag").orElse(null));
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null));
            assertFalse(r.headers().firstValue("Content-Length").isPresent(), "a 304 says no length");
        }
        for (String stale : new String[] {"\"0123\"", "", etag.replace("\"", ""), "W/\"x\""}) {
            HttpResponse<String> r = Http.get(server, "/dashboard.js", "If-None-Match", stale);
            assertEquals(200, r.statusCode(), stale);
            assertTrue(r.body().contains("chart_series"), stale);
        }
    }

    @Test
    void metrics_namesTheSeriesTheDashboardCharts() throws Exception {
        JsonNode charts = json(Http.get(server, "/metrics")).get("monitoring").get("chart_series");
        assertEquals("[\"api.calls\",\"kmon.calls\"]", charts.get("calls").toString());
        assertEquals(
                "[\"api.duration.p95\",\"kmon.duration.p95\"]",
                charts.get("p95").toString());
        assertEquals("[\"errors.count\"]", charts.get("errors").toString());
        // no system metrics in this Kmon, so no such series: the page is not sent asking for them
        assertEquals("[]", charts.get("cpu").toString());
        assertEquals("[]", charts.get("heap").toString());
        assertEquals("[]", charts.get("memory").toString());
        for (JsonNode name : charts.get("p95")) {
            assertEquals(
                    200,
                    Http.get(server, "/metrics/series?name=" + name.asText()).statusCode(),
                    name.asText());
        }
    }

    @Test
    void unknownPaths_are404Json() throws Exception {
        for (String path : new String[] {
            "/nope",
            "/metrics/",
            "/metrics/prometheus/x",
            "/..%2f",
            "/metrics/..%2fhealth",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/METRICS",
            "/metrics%2fprometheus",
            "/metrics;x"
        }) {
            HttpResponse<String> r = Http.CLIENT.send(
                    java.net.http.HttpRequest.newBuilder(Http.uri(server, path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), path);
            assertCommonHeaders(r, Response.JSON);
            assertEquals("Not Found", json(r).get("error").asText());
        }
        // "//metrics" reads as an authority with an empty path: the JDK answers 404 before routing
        HttpResponse<String> jdk = Http.CLIENT.send(
                java.net.http.HttpRequest.newBuilder(Http.uri(server, "//metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, jdk.statusCode());
        assertFalse(jdk.body().contains("Exception"), jdk.body());
    }

    @Test
    void otherMethods_are405WithAllow() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"}) {
            HttpResponse<String> r = Http.send(server, method, "/metrics");
            assertEquals(405, r.statusCode(), method);
            assertEquals(Router.ALLOW, r.headers().firstValue("Allow").orElse(null));
            assertCommonHeaders(r, Response.JSON);
        }
    }

    @Test
    void head_sendsHeadersWithTheGetLength_andNoBody() throws Exception {
        for (String path : new String[] {
            "/",
            "/dashboard.css",
            "/dashboard.js",
            "/metrics",
            "/metrics/prometheus",
            "/metrics/series?name=api.calls",
            "/health",
            "/health/live",
            "/health/ready",
            "/alerts",
            "/errors"
        }) {
            HttpResponse<String> get = Http.get(server, path);
            HttpResponse<String> head = Http.send(server, "HEAD", path);
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body());
            assertEquals(
                    get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
            if (path.startsWith("/health") || path.equals("/metrics")) {
                // checks' durations change between two runs: the length is there, not always equal
                assertTrue(
                        Long.parseLong(head.headers()
                                        .firstValue("Content-Length")
                                        .orElseThrow())
                                > 0,
                        path);
            } else {
                assertEquals(
                        get.headers().firstValue("Content-Length"),
                        head.headers().firstValue("Content-Length"),
                        path);
            }
        }
        assertEquals(404, Http.send(server, "HEAD", "/nope").statusCode());
    }

    @Test
    void closedServer_refusesConnections_andCloseTwiceIsFine() {
        server.close();
        server.close();
        Exception e = assertThrows(Exception.class, () -> Http.get(server, "/metrics"));
        assertTrue(e instanceof ConnectException || e.getCause() instanceof ConnectException, e.toString());
    }

    @Test
    void dispatcherAndWorkers_areDaemonThreads() throws Exception {
        Http.get(server, "/metrics");
        long found = Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().equals("HTTP-Dispatcher") || t.getName().startsWith("kmon-http-" + server.port()))
                .peek(t -> assertTrue(t.isDaemon(), t.getName() + " must be a daemon"))
                .count();
        assertTrue(found >= 2, "dispatcher and a worker: " + found);
    }

    @Test
    void builder_rejectsBadSettings_namingTheValue() {
        var b = KmonServer.builder(kmon);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.port(70000))
                .getMessage()
                .contains("70000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.threads(0))
                .getMessage()
                .contains("0"));
        assertThrows(IllegalArgumentException.class, () -> b.maxConnections(0));
        assertThrows(IllegalArgumentException.class, () -> b.allowHosts("a.example:80"));
        assertThrows(IllegalArgumentException.class, () -> b.healthCacheTime(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.readTimeout(Duration.ofMillis(10)));
        assertThrows(NullPointerException.class, () -> KmonServer.builder(null));
        assertThrows(
                IllegalArgumentException.class,
                () -> KmonServer.builder(kmon).bearerToken(" ").start());
        assertThrows(
                IllegalArgumentException.class,
                () -> KmonServer.builder(kmon)
                        .bindAddress("no.such.host.invalid")
                        .start());
        UncheckedIOException busy =
                assertThrows(UncheckedIOException.class, () -> KmonServer.start(kmon, server.port()));
        assertTrue(busy.getMessage().contains(Integer.toString(server.port())), busy.getMessage());
    }

    @Test
    void limitsInEffect_areTheJdkProperties() {
        assertEquals("20", server.jdkLimits().get(ServerLimits.MAX_REQ_TIME)); // from kmon.test.jvm in the pom
        assertEquals(
                Integer.toString(ServerLimits.MAX_HEADER_BYTES),
                server.jdkLimits().get(ServerLimits.MAX_REQ_HEADER_SIZE));
        assertEquals("true", System.getProperty(ServerLimits.NODELAY));
    }

    @Test
    void jvmWideSettingAlreadyInEffect_isReportedAsInEffect_notSilentlyTakenAsAsked() {
        try (KmonServer second =
                KmonServer.builder(kmon).writeTimeout(Duration.ofSeconds(10)).start()) {
            // the surefire configuration set maxRspTime=3 first: the JDK uses that for every server
            assertEquals("3", second.jdkLimits().get(ServerLimits.MAX_RSP_TIME));
        }
    }

    @Test
    void notApplied_isLoggedAsAWarningNamingBothValues() {
        RecordingLogger log = new RecordingLogger();
        ServerLimits.warnIfNotApplied(
                Map.of(ServerLimits.MAX_RSP_TIME, "3"), Map.of(ServerLimits.MAX_RSP_TIME, "10"), log);
        ServerLimits.warnIfNotApplied(
                Map.of(ServerLimits.IDLE_INTERVAL, "2"), Map.of(ServerLimits.IDLE_INTERVAL, "2"), log);
        assertEquals(1, log.lines().size(), log.lines().toString());
        assertEquals(System.Logger.Level.WARNING, log.lines().get(0).level());
        assertEquals(
                1,
                log.containing("maxRspTime=10 not applied; the JVM already uses 3")
                        .size(),
                log.lines().toString());
    }
}
