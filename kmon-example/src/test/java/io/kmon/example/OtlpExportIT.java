package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.otel.OtlpReceiver;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started with only the standard OpenTelemetry variables, driven over MCP: the
 * collector side (a loopback OTLP/HTTP receiver) sees exactly the calls made.
 */
class OtlpExportIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOOLS = "mcp_tools";

    private final List<String> stderr = new CopyOnWriteArrayList<>();

    @AfterEach
    void noProcessLeftBehind() {
        assertEquals(
                0, ExampleJar.killLeftovers(), "example processes still running after the test; stderr: " + stderr);
    }

    @Test
    void toolCalls_reachTheCollector() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            StdioClientTransport transport = new StdioClientTransport(
                    ServerParameters.builder(ExampleJar.java())
                            .args("-jar", ExampleJar.jar().toString(), "--port", "0")
                            .addEnvVar("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                            .addEnvVar("OTEL_METRIC_EXPORT_INTERVAL", "500")
                            .addEnvVar("OTEL_SERVICE_NAME", "media-it")
                            .build(),
                    McpJsonDefaults.getMapper());
            transport.setStdErrorHandler(line -> {
                stderr.add(line);
                System.err.println("[kmon-example] " + line);
            });
            McpSyncClient client = McpClient.sync(transport)
                    .clientInfo(McpSchema.Implementation.builder("kmon-otel-it", "1.0")
                            .build())
                    .initializationTimeout(WAIT)
                    .requestTimeout(Duration.ofSeconds(30))
                    .build();
            try {
                client.initialize();
                // 5 calls, one failing: 3 list_categories, 1 get_media found, 1 not found.
                for (int i = 0; i < 3; i++) {
                    assertEquals(
                            false, call(client, "list_categories", Map.of()).isError());
                }
                assertEquals(
                        false,
                        call(client, "get_media", Map.of("media_id", "0_c9d0e1f2"))
                                .isError());
                assertEquals(
                        true,
                        call(client, "get_media", Map.of("media_id", "0_zzzzzzzz"))
                                .isError());

                OtlpReceiver.Export seen = receiver.await(e -> toolCalls(e) == 5, WAIT);
                assertEquals("media-it", seen.resourceAttribute("service.name"));
                assertEquals(5, toolDurationCount(seen));
                assertEquals(3, toolCalls(seen, "list_categories"));
                assertEquals(2, toolCalls(seen, "get_media"));
            } finally {
                client.closeGracefully();
            }
            for (ProcessHandle p : ExampleJar.running()) {
                p.onExit().get(15, TimeUnit.SECONDS);
            }
            // The last export, sent on the way out, holds the same cumulative totals.
            List<OtlpReceiver.Export> exports = receiver.exports();
            OtlpReceiver.Export last = exports.get(exports.size() - 1);
            assertEquals(5, toolCalls(last));
            assertEquals(5, toolDurationCount(last));
            assertEquals(List.of(), receiver.errors());
            assertTrue(
                    stderr.stream().noneMatch(l -> l.contains("OpenTelemetry export not started")), stderr.toString());
        }
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static long toolCalls(OtlpReceiver.Export e) {
        return toolCalls(e, null);
    }

    /** kmon-mcp's {@code mcp.tool.calls} of the tools component, summed over tools (or of one tool). */
    private static long toolCalls(OtlpReceiver.Export e, String method) {
        return e.metric("mcp.tool.calls").map(Metric::getSum).stream()
                .flatMap(s -> s.getDataPointsList().stream())
                .filter(p -> TOOLS.equals(OtlpReceiver.attribute(p.getAttributesList(), "component")))
                .filter(p -> method == null || method.equals(OtlpReceiver.attribute(p.getAttributesList(), "method")))
                .mapToLong(NumberDataPoint::getAsInt)
                .sum();
    }

    /** The count of OpenTelemetry's {@code mcp.server.operation.duration} over every {@code tools/call}. */
    private static long toolDurationCount(OtlpReceiver.Export e) {
        return e.metric("mcp.server.operation.duration").map(Metric::getExponentialHistogram).stream()
                .flatMap(h -> h.getDataPointsList().stream())
                .filter(p -> "tools/call".equals(OtlpReceiver.attribute(p.getAttributesList(), "mcp.method.name")))
                .mapToLong(ExponentialHistogramDataPoint::getCount)
                .sum();
    }
}
