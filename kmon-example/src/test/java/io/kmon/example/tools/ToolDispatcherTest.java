package io.kmon.example.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.example.catalog.InMemoryMediaCatalog;
import io.kmon.example.catalog.MediaNotFoundException;
import io.kmon.example.catalog.SimulatedLink;
import io.kmon.mcp.KmonMcp;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolDispatcherTest {
    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final SimulatedLink link = new SimulatedLink(d -> {});
    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private final KmonMcp mcp = KmonMcp.instrument(kmon);
    private final ToolDispatcher dispatcher = new ToolDispatcher(
            MediaToolDefinitions.bind(new CatalogMediaTools(new InMemoryMediaCatalog(link, Clock.systemUTC())), json),
            json,
            mcp);

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @AfterEach
    void closeKmon() {
        kmon.close();
    }

    @Test
    void success_isTheResultAsJsonText() throws IOException {
        CallToolResult result = dispatcher.call("get_media", Map.of("media_id", "0_a1b2c3d4"));

        assertFalse(result.isError());
        Map<String, Object> media = json.readValue(text(result), new TypeRef<Map<String, Object>>() {});
        assertEquals("Quarterly all-hands: Q3 results", media.get("title"));
        assertEquals("READY", media.get("status"));
    }

    @Test
    void badArgument_isAToolErrorWithTheMessage() {
        CallToolResult result = dispatcher.call("search_media", Map.of("query", "java", "limit", "ten"));

        assertTrue(result.isError());
        assertEquals(
                "Invalid arguments: search_media: 'limit' must be an integer from 1 to 50 (got \"ten\")", text(result));
    }

    @Test
    void apiFailures_areToolErrorsThatSayWhichKind() {
        assertEquals(
                "Media API error: no media entry with id '0_zzzzzzzz'",
                text(dispatcher.call("get_media", Map.of("media_id", "0_zzzzzzzz"))));

        link.failNext(SimulatedLink.Fault.CONNECTION);
        CallToolResult down = dispatcher.call("list_categories", null);
        assertTrue(down.isError());
        assertEquals("Media API unavailable: categories: connection reset by the media API", text(down));

        link.failNext(SimulatedLink.Fault.AUTHENTICATION);
        assertEquals(
                "Media API rejected the session: categories: session token rejected",
                text(dispatcher.call("list_categories", null)));

        assertFalse(dispatcher.call("list_categories", null).isError(), "the next call succeeds again");
    }

    @Test
    void unexpectedException_isAnInternalToolErrorWithoutDetails() {
        ToolDispatcher broken = new ToolDispatcher(
                List.of(new ToolBinding(
                        McpSchema.Tool.builder("boom", json, "{\"type\":\"object\"}")
                                .build(),
                        args -> {
                            throw new IllegalStateException("secret internals");
                        })),
                json,
                mcp);

        CallToolResult result = broken.call("boom", Map.of());

        assertTrue(result.isError());
        assertEquals("Internal error in boom: IllegalStateException", text(result));
    }

    @Test
    void checkedFailure_fromABinding_isAnApiError() {
        ToolDispatcher failing = new ToolDispatcher(
                List.of(new ToolBinding(
                        McpSchema.Tool.builder("gone", json, "{\"type\":\"object\"}")
                                .build(),
                        args -> {
                            throw new MediaNotFoundException("0_aaaaaaaa");
                        })),
                json,
                mcp);

        assertEquals("Media API error: no media entry with id '0_aaaaaaaa'", text(failing.call("gone", null)));
    }

    @Test
    void unknownTool_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dispatcher.call("nope", null));
        assertEquals(
                "unknown tool 'nope'; known: [search_media, get_media, list_categories, get_playback_url, "
                        + "update_metadata]",
                e.getMessage());
    }

    @Test
    void duplicateToolNames_areRejected() {
        McpSchema.Tool tool =
                McpSchema.Tool.builder("twice", json, "{\"type\":\"object\"}").build();
        ToolBinding binding = new ToolBinding(tool, args -> "ok");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new ToolDispatcher(List.of(binding, binding), json, mcp));
        assertEquals("duplicate tool name: twice", e.getMessage());
    }

    @Test
    void specifications_carryNamesSchemasAndCallThroughTheDispatcher() {
        List<SyncToolSpecification> specs = dispatcher.specifications();

        assertEquals(
                dispatcher.toolNames(), specs.stream().map(s -> s.tool().name()).toList());
        SyncToolSpecification search = specs.get(0);
        assertEquals("object", search.tool().inputSchema().get("type"));
        assertEquals(List.of("query"), search.tool().inputSchema().get("required"));
        assertTrue(search.tool().annotations().readOnlyHint());
        assertFalse(specs.get(4).tool().annotations().readOnlyHint(), "update_metadata writes");

        CallToolResult result = search.callHandler()
                .apply(
                        null,
                        McpSchema.CallToolRequest.builder("search_media")
                                .arguments(Map.of("query", "demo", "limit", 1))
                                .build());
        assertFalse(result.isError());
        assertTrue(text(result).contains("\"totalCount\":4"), text(result));
    }
}
