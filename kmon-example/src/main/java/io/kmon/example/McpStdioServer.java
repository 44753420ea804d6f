package io.kmon.example;

import io.kmon.example.tools.ToolDispatcher;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The MCP server over stdio, on the official SDK: it lists the tools of a
 * {@link ToolDispatcher} and routes each {@code tools/call} to it. JSON-RPC messages go to
 * {@code out}, which must be the process's real stdout and nothing else's.
 */
final class McpStdioServer implements AutoCloseable {
    static final String NAME = "kmon-example";
    private static final String INSTRUCTIONS = """
            Tools over a video library: search_media finds entries, get_media shows one, \
            list_categories lists the categories, get_playback_url signs a playback URL, \
            update_metadata changes a title, description or tags. Entry ids look like 0_a1b2c3d4.""";

    private final McpSyncServer server;

    private McpStdioServer(McpSyncServer server) {
        this.server = server;
    }

    /** Starts serving {@code tools}, reading requests from {@code in} and writing to {@code out}. */
    static McpStdioServer start(
            ToolDispatcher tools, McpJsonMapper json, InputStream in, OutputStream out, String version) {
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, in, out))
                .serverInfo(NAME, version)
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                // The tools validate their own arguments inside the monitored call, so that a bad
                // argument is counted as a failed call; the SDK's schema check would answer first.
                .validateToolInputs(false)
                .tools(tools.specifications())
                .build();
        return new McpStdioServer(server);
    }

    /** Closes the session and the transport. */
    @Override
    public void close() {
        server.closeGracefully();
    }
}
