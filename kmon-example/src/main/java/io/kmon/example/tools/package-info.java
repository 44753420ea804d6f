/**
 * The MCP tools: the monitored {@link io.kmon.example.tools.MediaTools} interface, argument
 * validation, tool definitions with JSON input schemas, and the dispatcher that turns outcomes
 * into MCP tool results.
 */
package io.kmon.example.tools;
