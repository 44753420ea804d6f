/**
 * kmon's example: a media-library MCP server over stdio (official MCP Java SDK) whose tools and
 * backing API are monitored by generated {@code Monitored*} classes, with kmon's dashboard next
 * to it. {@link io.kmon.example.Main} is the entry point; {@code --demo} drives the tools with
 * generated traffic instead of an MCP client.
 */
package io.kmon.example;
