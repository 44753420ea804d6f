package io.kmon.mcp;

/** What kmon-mcp instruments: kmon's component and prefix, and the conventions' method and name key of each. */
enum Kind {
    TOOL("mcp_tools", "mcp.tool", McpConventions.TOOLS_CALL, McpConventions.TOOL_NAME),
    PROMPT("mcp_prompts", "mcp.prompt", McpConventions.PROMPTS_GET, McpConventions.PROMPT_NAME),
    /** The conventions name resources by URI only, which is off by default. */
    RESOURCE("mcp_resources", "mcp.resource", McpConventions.RESOURCES_READ, null);

    final String component;
    final String prefix;
    final String method;
    final String nameKey;

    Kind(String component, String prefix, String method, String nameKey) {
        this.component = component;
        this.prefix = prefix;
        this.method = method;
        this.nameKey = nameKey;
    }
}
