package io.kmon.example.tools;

import static io.kmon.example.tools.CatalogMediaTools.DEFAULT_LIMIT;
import static io.kmon.example.tools.CatalogMediaTools.MAX_CATEGORY_ID;
import static io.kmon.example.tools.CatalogMediaTools.MAX_DESCRIPTION;
import static io.kmon.example.tools.CatalogMediaTools.MAX_LIMIT;
import static io.kmon.example.tools.CatalogMediaTools.MAX_QUERY;
import static io.kmon.example.tools.CatalogMediaTools.MAX_TAG;
import static io.kmon.example.tools.CatalogMediaTools.MAX_TAGS;
import static io.kmon.example.tools.CatalogMediaTools.MAX_TITLE;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Objects;

/**
 * The five MCP tools of the example: names, descriptions and JSON input schemas, each bound
 * to its method of {@link MediaTools}. The schemas tell clients what to send; the tools check
 * the same limits themselves (see {@link ToolArguments} for why).
 */
public final class MediaToolDefinitions {
    /** Tool name: full-text search. */
    public static final String SEARCH_MEDIA = "search_media";
    /** Tool name: one entry by id. */
    public static final String GET_MEDIA = "get_media";
    /** Tool name: the categories. */
    public static final String LIST_CATEGORIES = "list_categories";
    /** Tool name: a signed playback URL. */
    public static final String GET_PLAYBACK_URL = "get_playback_url";
    /** Tool name: change title, description or tags. */
    public static final String UPDATE_METADATA = "update_metadata";

    private static final String MEDIA_ID_SCHEMA = """
            {"type": "string", "pattern": "^0_[a-z0-9]{8}$",
             "description": "Entry id, as returned by search_media, e.g. 0_a1b2c3d4"}""";

    private MediaToolDefinitions() {}

    /** The tools, in the order {@code tools/list} shows them, bound to {@code tools}. */
    public static List<ToolBinding> bind(MediaTools tools, McpJsonMapper json) {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(json, "json");
        return List.of(
                new ToolBinding(
                        tool(
                                json,
                                SEARCH_MEDIA,
                                "Search media",
                                "Find videos whose title, description or tags contain every word of the query; "
                                        + "title matches and the most watched come first.",
                                true,
                                """
                        {"type": "object",
                         "properties": {
                           "query": {"type": "string", "minLength": 1, "maxLength": %d,
                                     "description": "Words to look for"},
                           "category_id": {"type": "string", "maxLength": %d,
                                           "description": "Only this category (see list_categories)"},
                           "limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d,
                                     "description": "How many results to return"}},
                         "required": ["query"],
                         "additionalProperties": false}
                        """.formatted(MAX_QUERY, MAX_CATEGORY_ID, MAX_LIMIT, DEFAULT_LIMIT)),
                        tools::searchMedia),
                new ToolBinding(
                        tool(
                                json,
                                GET_MEDIA,
                                "Get media",
                                "All metadata of one video: title, description, category, tags, duration, status, views.",
                                true,
                                """
                        {"type": "object",
                         "properties": {"media_id": %s},
                         "required": ["media_id"],
                         "additionalProperties": false}
                        """.formatted(MEDIA_ID_SCHEMA)),
                        tools::getMedia),
                new ToolBinding(
                        tool(
                                json,
                                LIST_CATEGORIES,
                                "List categories",
                                "Every category with its id and how many videos it holds.",
                                true,
                                """
                        {"type": "object", "properties": {}, "additionalProperties": false}
                        """),
                        tools::listCategories),
                new ToolBinding(
                        tool(
                                json,
                                GET_PLAYBACK_URL,
                                "Get playback URL",
                                "A signed URL, valid for one hour, that plays a video; fails while the video is "
                                        + "still processing.",
                                true,
                                """
                        {"type": "object",
                         "properties": {
                           "media_id": %s,
                           "format": {"type": "string", "enum": ["hls", "dash", "mp4"], "default": "hls",
                                      "description": "Streaming format"}},
                         "required": ["media_id"],
                         "additionalProperties": false}
                        """.formatted(MEDIA_ID_SCHEMA)),
                        tools::getPlaybackUrl),
                new ToolBinding(
                        tool(
                                json,
                                UPDATE_METADATA,
                                "Update metadata",
                                "Change a video's title, description and/or tags (tags replace the old ones); "
                                        + "returns the entry as it is now.",
                                false,
                                """
                        {"type": "object",
                         "properties": {
                           "media_id": %s,
                           "title": {"type": "string", "minLength": 1, "maxLength": %d},
                           "description": {"type": "string", "maxLength": %d},
                           "tags": {"type": "array", "maxItems": %d,
                                    "items": {"type": "string", "minLength": 1, "maxLength": %d}}},
                         "required": ["media_id"],
                         "additionalProperties": false}
                        """.formatted(MEDIA_ID_SCHEMA, MAX_TITLE, MAX_DESCRIPTION, MAX_TAGS, MAX_TAG)),
                        tools::updateMetadata));
    }

    private static McpSchema.Tool tool(
            McpJsonMapper json, String name, String title, String description, boolean readOnly, String inputSchema) {
        return McpSchema.Tool.builder(name, json, inputSchema)
                .title(title)
                .description(description)
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(title)
                        .readOnlyHint(readOnly)
                        .destructiveHint(false)
                        .idempotentHint(true)
                        .openWorldHint(false)
                        .build())
                .build();
    }
}
