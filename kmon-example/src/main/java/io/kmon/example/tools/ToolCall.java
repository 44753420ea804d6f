package io.kmon.example.tools;

import io.kmon.example.catalog.CatalogException;

/** The Java side of one MCP tool: validated arguments in, a JSON-serializable result out. */
@FunctionalInterface
public interface ToolCall {
    /** Runs the tool; a bad argument is an {@link InvalidArgumentException}. */
    Object call(ToolArguments arguments) throws CatalogException;
}
