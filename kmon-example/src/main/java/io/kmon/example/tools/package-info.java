/**
 * The MCP tools: the {@link io.kmon.example.tools.MediaTools} interface, argument
 * validation, tool definitions with JSON input schemas, and the dispatcher that turns outcomes
 * into MCP tool results, through tool specifications monitored by kmon-mcp.
 */
package io.kmon.example.tools;
