package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.alert.Alert;
import io.kmon.annotations.AlertLevel;
import io.kmon.example.catalog.CatalogConnectivityCheck;
import io.kmon.example.catalog.Connectivity;
import io.kmon.example.catalog.SimulatedLink;
import io.kmon.health.HealthReport;
import io.kmon.health.HealthStatus;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wiring, through the generated proxy of the API and kmon-mcp's tools, into an isolated kmon. */
class ExampleAppTest {
    private static final String TOOLS = "mcp_tools";
    private static final String DURATION = "mcp.server.operation.duration";
    private static final String API = "media_api";

    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private final SimulatedLink link = new SimulatedLink(d -> {});
    private final ExampleApp app = ExampleApp.start(
            kmon,
            0,
            link,
            Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC),
            McpJsonDefaults.getMapper());

    @AfterEach
    void close() {
        app.close();
        kmon.close();
    }

    private long count(String name, String component, String method) {
        return kmon.snapshot().count(name, "component", component, "method", method);
    }

    private List<Alert> callFailureAlerts() {
        kmon.checkAlertsNow();
        return kmon.alerts().recent().stream()
                .filter(a -> a.rule().equals("call_failure"))
                .toList();
    }

    @Test
    void toolCalls_areCountedPerToolAndPerApiMethod() {
        app.tools().call("search_media", Map.of("query", "java"));
        app.tools().call("get_media", Map.of("media_id", "0_a1b2c3d4"));
        app.tools().call("get_media", Map.of("media_id", "0_e5f6g7h8"));

        assertEquals(1, count("mcp.tool.calls", TOOLS, "search_media"));
        assertEquals(2, count("mcp.tool.calls", TOOLS, "get_media"));
        assertEquals(2, count("mcp.tool.successes", TOOLS, "get_media"));
        assertEquals(2, count("mcp.tool.duration", TOOLS, "get_media"));
        assertEquals(
                2, kmon.snapshot().count(DURATION, "mcp.method.name", "tools/call", "gen_ai.tool.name", "get_media"));
        assertEquals(1, count("api.calls", API, "search"));
        assertEquals(2, count("api.calls", API, "get"));
        assertEquals(0, kmon.snapshot().count(MetricNames.ERRORS_COUNT));
    }

    @Test
    void badArgument_isAToolErrorThatNeverReachesTheApi() {
        assertTrue(app.tools().call("get_media", Map.of("media_id", "12345")).isError());

        MetricsSnapshot snapshot = kmon.snapshot();
        assertEquals(
                1,
                snapshot.count(
                        "mcp.tool.errors", "component", TOOLS, "method", "get_media", "error_type", "McpToolError"));
        assertEquals(
                1,
                snapshot.count(
                        DURATION,
                        "mcp.method.name",
                        "tools/call",
                        "gen_ai.tool.name",
                        "get_media",
                        "error.type",
                        "tool_error"));
        assertEquals(0, count("api.calls", API, "get"));
        assertEquals(1, snapshot.count(MetricNames.ERRORS_COUNT));
        assertEquals(List.of(), callFailureAlerts(), "a bad argument is the caller's problem, not an incident");
    }

    @Test
    void missingEntry_isCountedAtBothLevelsWithoutAnAlert() {
        assertTrue(
                app.tools().call("get_media", Map.of("media_id", "0_zzzzzzzz")).isError());

        assertEquals(
                1,
                kmon.snapshot()
                        .count(
                                "api.errors",
                                "component",
                                API,
                                "method",
                                "get",
                                "error_type",
                                "MediaNotFoundException"));
        assertEquals(
                1,
                kmon.snapshot()
                        .count(
                                "mcp.tool.errors",
                                "component",
                                TOOLS,
                                "method",
                                "get_media",
                                "error_type",
                                "McpToolError"));
        assertEquals(2, kmon.snapshot().count(MetricNames.ERRORS_COUNT));
        assertEquals(List.of(), callFailureAlerts());
    }

    @Test
    void connectionAndAuthenticationFailures_raiseErrorAlertsOnTheApi() {
        link.failNext(SimulatedLink.Fault.CONNECTION);
        app.tools().call("list_categories", Map.of());
        link.failNext(SimulatedLink.Fault.AUTHENTICATION);
        app.tools().call("get_media", Map.of("media_id", "0_a1b2c3d4"));

        List<Alert> alerts = callFailureAlerts();

        assertEquals(2, alerts.size(), alerts.toString());
        assertTrue(alerts.stream()
                .allMatch(a -> a.level() == AlertLevel.ERROR && a.component().equals(API)));
        assertEquals(
                List.of("CatalogAuthenticationException", "CatalogConnectionException"),
                alerts.stream().map(a -> a.details().get("error_type")).sorted().toList(),
                "the error_type tag's text");
        assertEquals(
                1,
                kmon.snapshot()
                        .count(
                                "api.errors",
                                "component",
                                API,
                                "method",
                                "categories",
                                "error_type",
                                "CatalogConnectionException"));
    }

    @Test
    void readiness_followsTheApiLink() {
        assertEquals(HealthStatus.HEALTHY, connectivity().status());

        link.setState(Connectivity.State.SESSION_EXPIRED);
        assertEquals(HealthStatus.DEGRADED, connectivity().status());
        assertEquals(HealthStatus.DEGRADED, kmon.health().checkReadiness().status());

        link.setState(Connectivity.State.DISCONNECTED);
        HealthReport report = kmon.health().checkReadiness();
        assertEquals(
                HealthStatus.UNHEALTHY,
                report.checks().get(CatalogConnectivityCheck.NAME).status());
        assertEquals(
                "disconnected",
                report.checks().get(CatalogConnectivityCheck.NAME).details().get("session_status"));
        assertEquals(HealthStatus.UNHEALTHY, report.status(), "critical for readiness");
        assertFalse(
                kmon.health().checkLiveness().checks().containsKey(CatalogConnectivityCheck.NAME),
                "a dead API is no reason to restart this process");

        link.setState(Connectivity.State.CONNECTED);
        assertEquals(HealthStatus.HEALTHY, connectivity().status());
        assertEquals(
                0,
                kmon.snapshot().count("api.calls", "component", API, "method", "connectivity"),
                "probing the link makes no API call");
    }

    private io.kmon.health.HealthResult connectivity() {
        return kmon.health().checkReadiness().checks().get(CatalogConnectivityCheck.NAME);
    }

    @Test
    void dashboard_isOnLoopbackAtTheChosenPort() {
        assertEquals("127.0.0.1", app.dashboard().getHost());
        assertTrue(app.dashboard().getPort() > 0);
        assertEquals("/", app.dashboard().getPath());
    }
}
