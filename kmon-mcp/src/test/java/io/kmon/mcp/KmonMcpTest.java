package io.kmon.mcp;

import static io.kmon.mcp.McpServerFixture.prometheus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.errors.ErrorGroup;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sync SDK server with instrumented tools, prompts and resources, called by the SDK's client. */
class KmonMcpTest {
    private static final String DURATION = "mcp_server_operation_duration_seconds";

    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private McpServerFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
        kmon.close();
    }

    private McpServerFixture start(KmonMcp mcp) throws Exception {
        fixture = new McpServerFixture(transport -> {
            McpSyncServer server = McpServer.sync(transport)
                    .serverInfo("test", "1.0")
                    .capabilities(McpSchema.ServerCapabilities.builder()
                            .tools(false)
                            .prompts(false)
                            .resources(false, false)
                            .build())
                    .tools(mcp.tools(List.of(
                            tool(
                                    "echo",
                                    (ex, req) -> text("hi " + req.arguments().get("who"))),
                            tool(
                                    "refuse",
                                    (ex, req) -> CallToolResult.builder()
                                            .addTextContent("no: bad input")
                                            .isError(true)
                                            .build()),
                            tool("crash", (ex, req) -> {
                                throw new IllegalStateException("broken");
                            }))))
                    .prompts(mcp.prompts(List.of(new SyncPromptSpecification(
                            McpSchema.Prompt.builder("greeting")
                                    .description("says hello")
                                    .build(),
                            (ex, req) -> GetPromptResult.builder(List.of(McpSchema.PromptMessage.builder(
                                                    McpSchema.Role.USER,
                                                    TextContent.builder("hello").build())
                                            .build()))
                                    .build()))))
                    .resources(mcp.resources(List.of(new SyncResourceSpecification(
                            McpSchema.Resource.builder("file:///readme", "readme")
                                    .build(),
                            (ex, req) -> contents(req.uri())))))
                    .resourceTemplates(List.of(mcp.resourceTemplate(new SyncResourceTemplateSpecification(
                            McpSchema.ResourceTemplate.builder("media://{id}", "media")
                                    .build(),
                            (ex, req) -> {
                                if (req.uri().endsWith("missing")) {
                                    throw new IllegalArgumentException("no such media");
                                }
                                return contents(req.uri());
                            }))))
                    .build();
            return server::closeGracefully;
        });
        return fixture;
    }

    private static SyncToolSpecification tool(
            String name,
            java.util.function.BiFunction<
                            io.modelcontextprotocol.server.McpSyncServerExchange, CallToolRequest, CallToolResult>
                    handler) {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(name, Map.of("type", "object")).build())
                .callHandler(handler)
                .build();
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static ReadResourceResult contents(String uri) {
        return ReadResourceResult.builder(List.of(
                        TextResourceContents.builder(uri, "contents of " + uri).build()))
                .build();
    }

    private static CallToolResult call(McpServerFixture f, String tool) {
        return f.client.callTool(
                CallToolRequest.builder(tool).arguments(Map.of("who", "you")).build());
    }

    @Test
    void everyToolCall_isCountedOnce_byToolAndOutcome() throws Exception {
        McpServerFixture f = start(KmonMcp.instrument(kmon).networkTransport("pipe"));
        for (int i = 0; i < 3; i++) {
            assertEquals("hi you", ((TextContent) call(f, "echo").content().get(0)).text());
        }
        CallToolResult refused = call(f, "refuse");
        assertTrue(refused.isError());
        assertEquals("no: bad input", ((TextContent) refused.content().get(0)).text()); // unchanged
        call(f, "refuse");
        McpError crashed = assertThrows(McpError.class, () -> call(f, "crash")); // a JSON-RPC error, as without kmon
        assertTrue(crashed.getMessage().contains("broken"), crashed.getMessage());

        String t = prometheus(kmon);
        assertTrue(
                t.contains(DURATION + "_count{gen_ai_tool_name=\"echo\",mcp_method_name=\"tools/call\","
                        + "network_transport=\"pipe\"} 3"),
                t);
        assertTrue(
                t.contains(DURATION + "_count{error_type=\"tool_error\",gen_ai_tool_name=\"refuse\","
                        + "mcp_method_name=\"tools/call\",network_transport=\"pipe\"} 2"),
                t);
        assertTrue(
                t.contains(DURATION + "_count{error_type=\"IllegalStateException\",gen_ai_tool_name=\"crash\","
                        + "mcp_method_name=\"tools/call\",network_transport=\"pipe\"} 1"),
                t);
        assertEquals(6, sum(t, DURATION + "_count{", "tools/call"), t); // six calls, each counted once
        // kmon's own series of the component: the dashboard's rows and the health check read them
        assertTrue(t.contains("mcp_tool_calls_total{component=\"mcp_tools\",method=\"echo\"} 3"), t);
        assertTrue(
                t.contains("mcp_tool_errors_total{component=\"mcp_tools\",error_type=\"McpToolError\","
                        + "method=\"refuse\"} 2"),
                t);
        assertTrue(
                t.contains("mcp_tool_errors_total{component=\"mcp_tools\",error_type=\"IllegalStateException\","
                        + "method=\"crash\"} 1"),
                t);
    }

    @Test
    void promptsAndResources_areCountedByNameAndMethod() throws Exception {
        McpServerFixture f = start(KmonMcp.instrument(kmon));
        f.client.getPrompt(GetPromptRequest.builder("greeting").build());
        f.client.readResource(ReadResourceRequest.builder("file:///readme").build());
        f.client.readResource(ReadResourceRequest.builder("media://1").build());
        f.client.readResource(ReadResourceRequest.builder("media://2").build());
        assertThrows(
                McpError.class,
                () -> f.client.readResource(
                        ReadResourceRequest.builder("media://missing").build()));

        String t = prometheus(kmon);
        assertTrue(
                t.contains(DURATION + "_count{gen_ai_prompt_name=\"greeting\",mcp_method_name=\"prompts/get\"} 1"), t);
        assertTrue(t.contains(DURATION + "_count{mcp_method_name=\"resources/read\"} 3"), t);
        assertTrue(
                t.contains(DURATION + "_count{error_type=\"IllegalArgumentException\","
                        + "mcp_method_name=\"resources/read\"} 1"),
                t);
        assertFalse(t.contains("mcp_resource_uri"), t); // off by default
        assertTrue(t.contains("mcp_resource_calls_total{component=\"mcp_resources\",method=\"media\"} 3"), t);
        assertTrue(t.contains("mcp_resource_calls_total{component=\"mcp_resources\",method=\"readme\"} 1"), t);
        assertTrue(t.contains("mcp_prompt_calls_total{component=\"mcp_prompts\",method=\"greeting\"} 1"), t);
    }

    @Test
    void resourceUris_areTags_whenAskedFor() throws Exception {
        McpServerFixture f = start(KmonMcp.instrument(kmon).recordResourceUris(true));
        f.client.readResource(ReadResourceRequest.builder("media://1").build());
        assertThrows(
                McpError.class,
                () -> f.client.readResource(
                        ReadResourceRequest.builder("media://missing").build()));

        String t = prometheus(kmon);
        assertTrue(
                t.contains(DURATION + "_count{mcp_method_name=\"resources/read\",mcp_resource_uri=\"media://1\"} 1"),
                t);
        assertTrue(
                t.contains(DURATION + "_count{error_type=\"IllegalArgumentException\","
                        + "mcp_method_name=\"resources/read\",mcp_resource_uri=\"media://missing\"} 1"),
                t);
    }

    @Test
    void failures_areGrouped_andTypedAlertsRaised_perToolPolicy() throws Exception {
        McpServerFixture f = start(KmonMcp.instrument(kmon)
                .configure("crash", p -> p.alertOn(IllegalStateException.class))
                .configure("refuse", p -> p.alertOn(McpToolError.class)));
        assertThrows(McpError.class, () -> call(f, "crash"));
        call(f, "refuse");
        call(f, "echo");
        kmon.checkAlertsNow(); // delivers the queued call alerts

        List<ErrorGroup> groups = kmon.errors().groups();
        assertTrue(
                groups.stream()
                        .anyMatch(g -> g.component().equals("mcp_tools")
                                && g.method().equals("crash")
                                && g.type().endsWith("IllegalStateException")
                                && g.lastMessage().equals("broken")),
                groups.toString());
        assertTrue(
                groups.stream()
                        .anyMatch(g ->
                                g.method().equals("refuse") && g.lastMessage().equals("no: bad input")),
                groups.toString());
        var alerts = kmon.alerts().recent(10);
        assertEquals(
                2, alerts.stream().filter(a -> a.rule().equals("call_failure")).count(), alerts.toString());
    }

    @Test
    void statusTool_tellsTheClientHealthAndCounts_whenTheServerOffersIt() throws Exception {
        KmonMcp mcp = KmonMcp.instrument(kmon);
        fixture = new McpServerFixture(transport -> {
            McpSyncServer server = McpServer.sync(transport)
                    .serverInfo("test", "1.0")
                    .capabilities(
                            McpSchema.ServerCapabilities.builder().tools(false).build())
                    .tools(List.of(mcp.tool(tool("echo", (ex, req) -> text("hi"))), mcp.statusTool()))
                    .build();
            return server::closeGracefully;
        });
        call(fixture, "echo");
        call(fixture, "echo");

        CallToolResult status = call(fixture, "kmon_status");
        assertFalse(status.isError());
        Map<String, Object> body = McpServerFixture.JSON.readValue(
                ((TextContent) status.content().get(0)).text(),
                new io.modelcontextprotocol.json.TypeRef<Map<String, Object>>() {});
        assertEquals("healthy", ((Map<?, ?>) body.get("health")).get("status"), body.toString());
        assertEquals(
                Map.of("echo", Map.of("calls", 2, "errors", 0)),
                ((Map<?, ?>) body.get("operations")).get("mcp_tools"),
                body.toString());
        assertEquals(
                List.of("echo", "kmon_status"),
                fixture.client.listTools().tools().stream()
                        .map(McpSchema.Tool::name)
                        .toList());
    }

    /** The sum of the samples starting with {@code prefix} and containing {@code label}. */
    private static long sum(String text, String prefix, String label) {
        return text.lines()
                .filter(l -> l.startsWith(prefix) && l.contains(label))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
