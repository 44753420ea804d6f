package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as an MCP client sees it: started as a subprocess by the SDK's own stdio
 * client, driven through every tool, then checked from the outside over kmon's HTTP endpoints.
 */
class McpServerIT {
    private static final Pattern DASHBOARD = Pattern.compile("kmon dashboard: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    @AfterEach
    void noProcessLeftBehind() {
        assertEquals(
                0, ExampleJar.killLeftovers(), "example processes still running after the test; stderr: " + stderr);
    }

    @Test
    void everyToolCall_isCountedAndVisibleOverHttp() throws Exception {
        CompletableFuture<URI> dashboard = new CompletableFuture<>();
        McpSyncClient client = client(
                ServerParameters.builder(ExampleJar.java())
                        .args("-jar", ExampleJar.jar().toString(), "--port", "0")
                        .build(),
                dashboard);
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertEquals("kmon-example", init.serverInfo().name());

            List<McpSchema.Tool> tools = client.listTools().tools();
            assertEquals(
                    List.of("search_media", "get_media", "list_categories", "get_playback_url", "update_metadata"),
                    tools.stream().map(McpSchema.Tool::name).toList());
            for (McpSchema.Tool tool : tools) {
                assertEquals("object", tool.inputSchema().get("type"), tool.name());
                assertFalse(tool.description().isBlank(), tool.name());
            }

            assertEquals(
                    2,
                    ((Number) ok(client, "search_media", Map.of("query", "java"))
                                    .get("totalCount"))
                            .intValue());
            assertEquals(
                    "Quarterly all-hands: Q3 results",
                    ok(client, "get_media", Map.of("media_id", "0_a1b2c3d4")).get("title"));
            assertTrue(text(call(client, "list_categories", Map.of())).contains("\"cat_engineering\""));
            assertEquals(
                    "dash",
                    ok(client, "get_playback_url", Map.of("media_id", "0_a1b2c3d4", "format", "dash"))
                            .get("format"));
            assertEquals(
                    "Java records, revisited",
                    ok(client, "update_metadata", Map.of("media_id", "0_c9d0e1f2", "title", "Java records, revisited"))
                            .get("title"));

            CallToolResult badArgument = call(client, "search_media", Map.of("query", "java", "limit", "ten"));
            assertTrue(badArgument.isError());
            assertEquals(
                    "Invalid arguments: search_media: 'limit' must be an integer from 1 to 50 (got \"ten\")",
                    text(badArgument));

            CallToolResult notFound = call(client, "get_media", Map.of("media_id", "0_zzzzzzzz"));
            assertTrue(notFound.isError());
            assertEquals("Media API error: no media entry with id '0_zzzzzzzz'", text(notFound));

            // Still serving after both failures, and the update stuck.
            assertEquals(
                    "Java records, revisited",
                    ok(client, "get_media", Map.of("media_id", "0_c9d0e1f2")).get("title"));

            URI base = dashboard.get(10, TimeUnit.SECONDS);
            assertCounts(base);
            assertDashboardAndJson(base);
        } finally {
            client.closeGracefully();
        }
        for (ProcessHandle p : ExampleJar.running()) {
            p.onExit().get(15, TimeUnit.SECONDS); // closing the client stops the server by itself
        }
    }

    @Test
    void takenDashboardPort_movesTheDashboardAndMcpKeepsServing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<URI> dashboard = new CompletableFuture<>();
            McpSyncClient client = client(
                    ServerParameters.builder(ExampleJar.java())
                            .args("-jar", ExampleJar.jar().toString())
                            .addEnvVar(ExampleOptions.PORT_ENV, Integer.toString(taken.getLocalPort()))
                            .build(),
                    dashboard);
            try {
                assertEquals("kmon-example", client.initialize().serverInfo().name());
                assertTrue(text(call(client, "list_categories", Map.of())).contains("\"cat_engineering\""));

                URI base = dashboard.get(10, TimeUnit.SECONDS);
                assertTrue(base.getPort() != taken.getLocalPort(), base.toString());
                assertTrue(
                        stderr.stream()
                                .anyMatch(l -> l.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                                        && l.contains("BindException")),
                        "the reason on stderr: " + stderr);

                ExampleJar.Reply health = ExampleJar.get(base.resolve("/health"));
                Map<String, Object> checks = map(json.readValue(health.body(), new TypeRef<Map<String, Object>>() {})
                        .get("checks"));
                Map<String, Object> moved = map(checks.get(DashboardServer.CHECK));
                assertEquals("degraded", moved.get("status"), health.body());
                Map<String, Object> details = map(moved.get("details"));
                assertEquals(taken.getLocalPort(), ((Number) details.get("requested_port")).intValue(), health.body());
                assertEquals(base.getPort(), ((Number) details.get("port")).intValue());
                assertTrue(details.get("reason").toString().startsWith("BindException"), health.body());
            } finally {
                client.closeGracefully();
            }
            for (ProcessHandle p : ExampleJar.running()) {
                p.onExit().get(15, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The SDK's stdio client for the jar started with {@code server}, not yet initialised. The
     * server's stderr goes to {@link #stderr} and the test output; {@code dashboard} completes
     * with the address the server prints.
     */
    private McpSyncClient client(ServerParameters server, CompletableFuture<URI> dashboard) {
        StdioClientTransport transport = new StdioClientTransport(server, json);
        transport.setStdErrorHandler(line -> {
            stderr.add(line);
            System.err.println("[kmon-example] " + line); // kept in the failsafe report
            Matcher m = DASHBOARD.matcher(line);
            if (m.find()) {
                dashboard.complete(URI.create(m.group(1)));
            }
        });
        return McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("kmon-example-it", "1.0")
                        .build())
                .initializationTimeout(START_TIMEOUT)
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** 8 tool calls (2 failed), 7 API calls (1 failed): the bad argument never reached the API. */
    private static void assertCounts(URI base) throws IOException, InterruptedException {
        ExampleJar.Reply reply = ExampleJar.get(base.resolve("/metrics/prometheus"));
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        PrometheusText prom = PrometheusText.parse(reply.body());

        String duration = "mcp_server_operation_duration_seconds_count"; // OpenTelemetry's, from kmon-mcp
        assertEquals(8, prom.sum(duration, "mcp_method_name", "tools/call"), reply.body());
        assertEquals(2, prom.sum(duration, "mcp_method_name", "tools/call", "error_type", "tool_error"));
        assertEquals(2, prom.sum(duration, "gen_ai_tool_name", "search_media"));
        assertEquals(1, prom.sum(duration, "gen_ai_tool_name", "search_media", "error_type", "tool_error"));
        assertEquals(3, prom.sum(duration, "gen_ai_tool_name", "get_media"));
        assertEquals(1, prom.sum(duration, "gen_ai_tool_name", "get_media", "error_type", "tool_error"));
        for (String tool : List.of("list_categories", "get_playback_url", "update_metadata")) {
            assertEquals(1, prom.sum(duration, "gen_ai_tool_name", tool), tool);
            assertEquals(0, prom.sum(duration, "gen_ai_tool_name", tool, "error_type", "tool_error"), tool);
        }

        String tools = "mcp_tools"; // kmon's own series of the same calls
        assertEquals(8, prom.sum("mcp_tool_calls_total", "component", tools));
        assertEquals(6, prom.sum("mcp_tool_successes_total", "component", tools));
        assertEquals(2, prom.sum("mcp_tool_errors_total", "component", tools, "error_type", "McpToolError"));
        assertEquals(3, prom.sum("mcp_tool_calls_total", "component", tools, "method", "get_media"));
        assertEquals(8, prom.sum("mcp_tool_duration_seconds_count", "component", tools));

        String api = "media_api";
        assertEquals(7, prom.sum("api_calls_total", "component", api));
        assertEquals(1, prom.sum("api_calls_total", "component", api, "method", "search"));
        assertEquals(3, prom.sum("api_calls_total", "component", api, "method", "get"));
        assertEquals(
                1,
                prom.sum(
                        "api_errors_total", "component", api, "method", "get", "error_type", "MediaNotFoundException"));
        assertEquals(1, prom.sum("api_errors_total", "component", api));
        assertEquals(1, prom.sum("api_calls_total", "component", api, "method", "categories"));
        assertEquals(1, prom.sum("api_calls_total", "component", api, "method", "playbackUrl"));
        assertEquals(1, prom.sum("api_calls_total", "component", api, "method", "update"));
        assertEquals(
                List.of(),
                prom.samples("api_calls_total").stream()
                        .filter(s -> "connectivity".equals(s.labels().get("method")))
                        .toList(),
                "@NotMonitored");

        assertEquals(3, prom.sum("errors_count_total"));
    }

    /** The same counts in the JSON summary, and a healthy, ready service. */
    private void assertDashboardAndJson(URI base) throws IOException, InterruptedException {
        ExampleJar.Reply page = ExampleJar.get(base);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());

        ExampleJar.Reply metrics = ExampleJar.get(base.resolve("/metrics"));
        assertEquals(200, metrics.status());
        Map<String, Object> body = json.readValue(metrics.body(), new TypeRef<Map<String, Object>>() {});
        Map<String, Map<String, Object>> rows = new java.util.HashMap<>();
        for (Object row : (List<?>) map(body.get("monitoring")).get("methods")) {
            Map<String, Object> r = map(row);
            rows.put(r.get("component") + "." + r.get("method"), r);
        }
        assertEquals(List.of(2L, 1L), callsAndErrors(rows, "mcp_tools.search_media"), metrics.body());
        assertEquals(List.of(3L, 1L), callsAndErrors(rows, "mcp_tools.get_media"));
        assertEquals(List.of(1L, 0L), callsAndErrors(rows, "mcp_tools.update_metadata"));
        assertEquals(List.of(1L, 0L), callsAndErrors(rows, "media_api.search"));
        assertEquals(List.of(3L, 1L), callsAndErrors(rows, "media_api.get"));

        ExampleJar.Reply health = ExampleJar.get(base.resolve("/health"));
        assertEquals(200, health.status(), health.body());
        Map<String, Object> report = json.readValue(health.body(), new TypeRef<Map<String, Object>>() {});
        Map<String, Object> checks = map(report.get("checks"));
        assertEquals("healthy", map(checks.get("media_api_connectivity")).get("status"), health.body());
        assertEquals(
                "connected",
                map(map(checks.get("media_api_connectivity")).get("details")).get("session_status"),
                health.body());
        assertTrue(
                checks.containsKey("media_api") && checks.containsKey("mcp_tools"),
                "every monitored component is a check: " + checks.keySet());

        ExampleJar.Reply ready = ExampleJar.get(base.resolve("/health/ready"));
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("media_api_connectivity"), ready.body());
    }

    private static List<Long> callsAndErrors(Map<String, Map<String, Object>> rows, String key) {
        Map<String, Object> row = rows.get(key);
        assertTrue(row != null, "no row " + key + " in " + rows.keySet());
        return List.of(((Number) row.get("calls")).longValue(), ((Number) row.get("errors")).longValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "not a JSON object: " + value);
        return (Map<String, Object>) value;
    }

    @Test
    void stdout_carriesOnlyJsonRpc_andClosingStdinStopsTheServer() throws Exception {
        Process process = new ProcessBuilder(
                        ExampleJar.java(), "-jar", ExampleJar.jar().toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(("""
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                        "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
                        {"jsonrpc":"2.0","method":"notifications/initialized"}
                        {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_categories","arguments":{}}}
                        """).getBytes(StandardCharsets.UTF_8));
                in.flush();
                // Wait for both answers before closing stdin, so the requests are not cut short.
                List<String> lines = readLines(out, 2);
                assertEquals(2, lines.size(), "answers: " + lines);
                for (String line : lines) {
                    Map<String, Object> message = json.readValue(line, new TypeRef<Map<String, Object>>() {});
                    assertEquals("2.0", message.get("jsonrpc"), line);
                }
            }
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server should exit when stdin closes");
            assertEquals(0, process.exitValue());
            assertEquals(List.of(), out.lines().filter(l -> !l.isBlank()).toList(), "nothing but JSON-RPC on stdout");
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> readLines(BufferedReader out, int count) throws Exception {
        CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
            List<String> lines = new java.util.ArrayList<>();
            try {
                String line;
                while (lines.size() < count && (line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return lines;
        });
        return read.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> arguments)
            throws IOException {
        CallToolResult result = call(client, tool, arguments);
        assertFalse(result.isError(), tool + ": " + text(result));
        return json.readValue(text(result), new TypeRef<Map<String, Object>>() {});
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
