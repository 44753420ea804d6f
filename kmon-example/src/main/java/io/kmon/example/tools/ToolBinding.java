package io.kmon.example.tools;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Objects;

/**
 * One MCP tool: what {@code tools/list} shows of it, and the call that serves it.
 *
 * @param tool the definition: name, description and input schema
 * @param call the (monitored) method that runs it
 */
public record ToolBinding(McpSchema.Tool tool, ToolCall call) {

    /** Rejects missing parts. */
    public ToolBinding {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(call, "call");
    }

    /** The tool's name. */
    public String name() {
        return tool.name();
    }
}
