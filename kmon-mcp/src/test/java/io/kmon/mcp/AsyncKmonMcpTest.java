package io.kmon.mcp;

import static io.kmon.mcp.McpServerFixture.prometheus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** An async SDK server: each call is recorded when its {@code Mono} completes, with its outcome. */
class AsyncKmonMcpTest {
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

    private static AsyncToolSpecification tool(
            String name, BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> handler) {
        return AsyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(name, Map.of("type", "object")).build())
                .callHandler(handler)
                .build();
    }

    @Test
    void asyncTools_andPrompts_areRecordedAtCompletion_byOutcome() throws Exception {
        KmonMcp mcp = KmonMcp.instrument(kmon).networkTransport("pipe");
        fixture = new McpServerFixture(transport -> {
            McpAsyncServer server = McpServer.async(transport)
                    .serverInfo("test", "1.0")
                    .capabilities(McpSchema.ServerCapabilities.builder()
                            .tools(false)
                            .prompts(false)
                            .build())
                    .tools(mcp.asyncTools(List.of(
                            tool(
                                    "echo",
                                    (ex, req) -> Mono.just(CallToolResult.builder()
                                            .addTextContent("hi")
                                            .isError(false)
                                            .build())),
                            tool(
                                    "refuse",
                                    (ex, req) -> Mono.just(CallToolResult.builder()
                                            .addTextContent("no")
                                            .isError(true)
                                            .build())),
                            tool("fail", (ex, req) -> Mono.error(new IOException("link down"))),
                            tool("throw", (ex, req) -> {
                                throw new UnsupportedOperationException("not yet");
                            }))))
                    .prompts(List.of(mcp.prompt(new AsyncPromptSpecification(
                            McpSchema.Prompt.builder("greeting").build(),
                            (ex, req) -> Mono.just(GetPromptResult.builder(List.of(McpSchema.PromptMessage.builder(
                                                    McpSchema.Role.USER,
                                                    TextContent.builder("hello").build())
                                            .build()))
                                    .build())))))
                    .build();
            return () -> server.closeGracefully().block();
        });
        var client = fixture.client;
        assertEquals(
                "hi",
                ((TextContent) client.callTool(CallToolRequest.builder("echo").build())
                                .content()
                                .get(0))
                        .text());
        client.callTool(CallToolRequest.builder("echo").build());
        assertTrue(client.callTool(CallToolRequest.builder("refuse").build()).isError());
        assertThrows(
                McpError.class,
                () -> client.callTool(CallToolRequest.builder("fail").build()));
        assertThrows(
                McpError.class,
                () -> client.callTool(CallToolRequest.builder("throw").build()));
        client.getPrompt(GetPromptRequest.builder("greeting").build());

        String t = prometheus(kmon);
        String tags = "mcp_method_name=\"tools/call\",network_transport=\"pipe\"} ";
        assertTrue(t.contains(DURATION + "_count{gen_ai_tool_name=\"echo\"," + tags + "2"), t);
        assertTrue(
                t.contains(DURATION + "_count{error_type=\"tool_error\",gen_ai_tool_name=\"refuse\"," + tags + "1"), t);
        assertTrue(
                t.contains(DURATION + "_count{error_type=\"IOException\",gen_ai_tool_name=\"fail\"," + tags + "1"), t);
        assertTrue(
                t.contains(DURATION + "_count{error_type=\"UnsupportedOperationException\",gen_ai_tool_name=\"throw\","
                        + tags + "1"),
                t);
        assertTrue(
                t.contains(DURATION + "_count{gen_ai_prompt_name=\"greeting\",mcp_method_name=\"prompts/get\","
                        + "network_transport=\"pipe\"} 1"),
                t);
        assertTrue(t.contains("mcp_tool_calls_total{component=\"mcp_tools\",method=\"fail\"} 1"), t);
    }
}
