package io.kmon.example.tools;

import io.kmon.example.catalog.CatalogAuthenticationException;
import io.kmon.example.catalog.CatalogConnectionException;
import io.kmon.example.catalog.CatalogException;
import io.kmon.mcp.KmonMcp;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a tool by name and turns the outcome into an MCP {@link CallToolResult}: the result as
 * JSON text, or, for any failure, a tool error ({@code isError: true}) whose text says what
 * went wrong, so the model reads it and the server keeps serving. The MCP server and the
 * {@code --demo} traffic both call tools through here.
 *
 * <p>The tools are monitored by kmon-mcp: {@link #specifications()} are the instrumented
 * specifications the server serves, and {@link #call} goes through the same ones (without an
 * exchange), so a demo call is counted exactly as an MCP client's.
 */
public final class ToolDispatcher {
    private static final System.Logger LOG = System.getLogger(ToolDispatcher.class.getName());

    private final Map<String, ToolBinding> bindings = new LinkedHashMap<>();
    private final Map<String, SyncToolSpecification> specifications = new LinkedHashMap<>();
    private final McpJsonMapper json;

    /** A dispatcher for {@code bindings}, writing results with {@code json}, its tools monitored by {@code mcp}. */
    public ToolDispatcher(List<ToolBinding> bindings, McpJsonMapper json, KmonMcp mcp) {
        this.json = Objects.requireNonNull(json, "json");
        for (ToolBinding binding : bindings) {
            if (this.bindings.putIfAbsent(binding.name(), binding) != null) {
                throw new IllegalArgumentException("duplicate tool name: " + binding.name());
            }
        }
        List<SyncToolSpecification> plain = this.bindings.values().stream()
                .map(binding -> SyncToolSpecification.builder()
                        .tool(binding.tool())
                        .callHandler((exchange, request) -> run(binding, request.arguments()))
                        .build())
                .toList();
        mcp.tools(plain).forEach(spec -> specifications.put(spec.tool().name(), spec));
    }

    /** The tool names, in definition order. */
    public List<String> toolNames() {
        return List.copyOf(bindings.keySet());
    }

    /**
     * Calls tool {@code name} with {@code arguments} (decoded JSON; null for none).
     *
     * @throws IllegalArgumentException when there is no tool {@code name}
     */
    public CallToolResult call(String name, Map<String, Object> arguments) {
        SyncToolSpecification spec = specifications.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown tool '" + name + "'; known: " + bindings.keySet());
        }
        return spec.callHandler()
                .apply(null, CallToolRequest.builder(name).arguments(arguments).build());
    }

    private CallToolResult run(ToolBinding binding, Map<String, Object> arguments) {
        String name = binding.name();
        Object result;
        try {
            result = binding.call().call(ToolArguments.of(name, arguments));
        } catch (InvalidArgumentException e) {
            return error("Invalid arguments: " + e.getMessage());
        } catch (CatalogConnectionException e) {
            return error("Media API unavailable: " + e.getMessage());
        } catch (CatalogAuthenticationException e) {
            return error("Media API rejected the session: " + e.getMessage());
        } catch (CatalogException e) {
            return error("Media API error: " + e.getMessage());
        } catch (RuntimeException e) {
            // A bug, not a bad request: tell the client little and log the rest to stderr.
            LOG.log(System.Logger.Level.ERROR, "tool " + name + " failed", e);
            return error("Internal error in " + name + ": " + e.getClass().getSimpleName());
        }
        try {
            return CallToolResult.builder()
                    .addTextContent(json.writeValueAsString(result))
                    .isError(false)
                    .build();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "could not write the result of " + name, e);
            return error("Internal error in " + name + ": result could not be written as JSON");
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    /** The tools as the SDK's server wants them, monitored. */
    public List<SyncToolSpecification> specifications() {
        return List.copyOf(specifications.values());
    }
}
