package io.kmon.mcp;

import io.kmon.Kmon;
import io.kmon.format.Json;
import io.kmon.format.StatusJson;
import io.kmon.health.HealthReport;
import io.kmon.metrics.MetricsSnapshot;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@value #NAME} tool: kmon's health report, the recent alerts by level and each MCP
 * operation's calls and errors, as JSON text, so an agent can ask whether the server is well.
 * It takes no arguments and reads only kmon's memory and health checks (each bounded by kmon's
 * health timeout); at most {@value #MAX_OPERATIONS} operations are listed.
 */
final class StatusTool {
    static final String NAME = "kmon_status";
    static final int MAX_OPERATIONS = 200;
    private static final Set<String> COMPONENTS =
            Set.of(Kind.TOOL.component, Kind.PROMPT.component, Kind.RESOURCE.component);

    private StatusTool() {}

    /**
     * The body.
     *
     * @param health every check's result
     * @param recentAlerts alerts of the last hour, by level
     * @param operations per component ({@code mcp_tools}, ...), per name: calls and errors
     */
    record Status(HealthReport health, Map<String, Long> recentAlerts, Map<String, Map<String, Counts>> operations) {}

    /**
     * One operation's figures since start.
     *
     * @param calls calls recorded
     * @param errors of which failed
     */
    record Counts(long calls, long errors) {}

    static SyncToolSpecification of(Kmon kmon) {
        McpSchema.Tool tool = McpSchema.Tool.builder(NAME, Map.of("type", "object", "properties", Map.of()))
                .description("kmon's view of this server: health checks, alerts of the last hour, and calls and "
                        + "errors per tool, prompt and resource.")
                .annotations(McpSchema.ToolAnnotations.builder()
                        .readOnlyHint(true)
                        .idempotentHint(true)
                        .build())
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> status(kmon))
                .build();
    }

    private static CallToolResult status(Kmon kmon) {
        MetricsSnapshot snapshot = kmon.snapshot();
        Map<String, Map<String, Counts>> operations = new TreeMap<>();
        snapshot.methods().stream()
                .filter(m -> COMPONENTS.contains(m.component()))
                .limit(MAX_OPERATIONS)
                .forEach(m -> operations
                        .computeIfAbsent(m.component(), c -> new TreeMap<>())
                        .put(m.method(), new Counts(m.calls(), m.errors())));
        Map<String, Long> alerts = new TreeMap<>();
        long hourAgo = snapshot.timestampMillis() - StatusJson.RECENT.toMillis();
        kmon.alerts().countsSince(hourAgo).forEach((level, n) -> alerts.put(Json.level(level), n));
        Status status = new Status(kmon.health().check(), alerts, operations);
        String text = new String(Json.bytes(status), StandardCharsets.UTF_8);
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }
}
