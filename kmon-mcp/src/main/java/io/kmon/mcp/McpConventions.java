package io.kmon.mcp;

/**
 * The names OpenTelemetry's MCP semantic conventions give what kmon-mcp records (status:
 * development). kmon keeps them dotted; the Prometheus exporter writes dots as underscores
 * ({@code mcp_server_operation_duration_seconds}, {@code gen_ai_tool_name}), as
 * OpenTelemetry's Prometheus exporter does.
 */
public final class McpConventions {
    /** The timer of every instrumented operation, in seconds. */
    public static final String OPERATION_DURATION = "mcp.server.operation.duration";
    /** The JSON-RPC method: {@code tools/call}, {@code prompts/get} or {@code resources/read}. */
    public static final String METHOD_NAME = "mcp.method.name";
    /** The called tool's name. */
    public static final String TOOL_NAME = "gen_ai.tool.name";
    /** The requested prompt's name. */
    public static final String PROMPT_NAME = "gen_ai.prompt.name";
    /** The requested resource's URI; recorded only when asked for ({@link KmonMcp#recordResourceUris}). */
    public static final String RESOURCE_URI = "mcp.resource.uri";
    /** On failed operations only: the exception's simple name, or {@link #TOOL_ERROR}. */
    public static final String ERROR_TYPE = "error.type";
    /** The transport, when the server says which ({@link KmonMcp#networkTransport}). */
    public static final String NETWORK_TRANSPORT = "network.transport";
    /** {@link #ERROR_TYPE} of a tool call that returned a result with {@code isError: true}. */
    public static final String TOOL_ERROR = "tool_error";

    /** {@value #METHOD_NAME} of a tool call. */
    public static final String TOOLS_CALL = "tools/call";
    /** {@value #METHOD_NAME} of a prompt request. */
    public static final String PROMPTS_GET = "prompts/get";
    /** {@value #METHOD_NAME} of a resource read. */
    public static final String RESOURCES_READ = "resources/read";

    private McpConventions() {}
}
