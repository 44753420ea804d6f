package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --demo} on an ephemeral port: traffic, alerts and health show up, and Ctrl-C stops it. */
class DemoIT {
    private static final Pattern DASHBOARD = Pattern.compile("^Dashboard:\\s+(http://127\\.0\\.0\\.1:\\d+/)$");
    private static final long WAIT_MILLIS = 60_000;

    private final McpJsonMapper json = McpJsonDefaults.getMapper();

    @AfterEach
    void noProcessLeftBehind() {
        assertEquals(0, ExampleJar.killLeftovers(), "demo processes still running after the test");
    }

    @Test
    void demo_showsCallsAlertsAndHealth_thenStopsOnSignal() throws Exception {
        // Files, not pipes: the test reads what the demo printed even after it has exited.
        Path stdout = Files.createTempFile("kmon-demo-", ".out");
        Path stderr = Files.createTempFile("kmon-demo-", ".err");
        Process process = new ProcessBuilder(
                        ExampleJar.java(), "-jar", ExampleJar.jar().toString(), "--demo", "--port", "0")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            process.getOutputStream().close(); // the demo reads nothing
            URI base = awaitDashboard(process, stdout);

            // The demo opens with one call of every kind, so these come within seconds.
            Map<String, Object> metrics = awaitMetrics(base);
            Map<String, Object> alerts = map(metrics.get("alerts"));
            assertTrue(((Number) alerts.get("total")).longValue() >= 1, "alerts: " + alerts);

            PrometheusText prom = PrometheusText.parse(
                    ExampleJar.get(base.resolve("/metrics/prometheus")).body());
            assertTrue(prom.sum("mcp_server_operation_duration_seconds_count", "mcp_method_name", "tools/call") >= 10);
            assertTrue(prom.sum("mcp_tool_calls_total", "component", "mcp_tools") >= 10);
            assertTrue(
                    prom.sum("api_errors_total", "component", "media_api", "error_type", "CatalogConnectionException")
                            >= 1);
            assertTrue(prom.sum("mcp_server_operation_duration_seconds_count", "error_type", "tool_error") >= 1);

            ExampleJar.Reply alertList = ExampleJar.get(base.resolve("/alerts"));
            assertEquals(200, alertList.status());
            assertTrue(alertList.body().contains("media_api"), alertList.body());

            ExampleJar.Reply health = ExampleJar.get(base.resolve("/health"));
            Map<String, Object> report = json.readValue(health.body(), new TypeRef<Map<String, Object>>() {});
            assertTrue(Set.of("healthy", "degraded", "unhealthy").contains(report.get("status")), health.body());
            assertEquals(report.get("status").equals("unhealthy") ? 503 : 200, health.status());
            assertTrue(map(report.get("checks")).containsKey("media_api_connectivity"), health.body());

            process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops the demo
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the demo should stop on SIGTERM");
            List<String> printed = Files.readAllLines(stdout);
            assertTrue(
                    printed.stream().anyMatch(l -> l.matches("Demo stopped after \\d+ calls\\.")),
                    "stdout: " + printed + "\nstderr: " + Files.readString(stderr));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Polls {@code /metrics} (bounded) until the demo has made calls and raised an alert. */
    private Map<String, Object> awaitMetrics(URI base) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            ExampleJar.Reply reply = ExampleJar.get(base.resolve("/metrics"));
            assertEquals(200, reply.status());
            last = reply.body();
            Map<String, Object> body = json.readValue(last, new TypeRef<Map<String, Object>>() {});
            long calls = ((List<?>) map(body.get("monitoring")).get("methods"))
                    .stream()
                            .mapToLong(r -> ((Number) map(r).get("calls")).longValue())
                            .sum();
            if (calls >= 20 && ((Number) map(body.get("alerts")).get("total")).longValue() >= 1) {
                return body;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no calls and alerts within " + WAIT_MILLIS + " ms: " + last);
    }

    /** Polls the demo's stdout (bounded) for the dashboard line of its banner. */
    private static URI awaitDashboard(Process process, Path stdout) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (String line : Files.readAllLines(stdout)) {
                Matcher m = DASHBOARD.matcher(line);
                if (m.matches()) {
                    return URI.create(m.group(1));
                }
            }
            assertTrue(process.isAlive(), "the demo exited early: " + Files.readString(stdout));
            Thread.sleep(100);
        }
        throw new AssertionError("no dashboard line within " + WAIT_MILLIS + " ms: " + Files.readString(stdout));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "not a JSON object: " + value);
        return (Map<String, Object>) value;
    }
}
