package io.kmon.mcp;

import io.kmon.Kmon;
import io.kmon.format.PrometheusText;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * An SDK server on an in-process stdio connection to the SDK's own client. {@code build} gets
 * the server's transport, must build (and so start) the server on it, and returns what closes it.
 */
final class McpServerFixture implements AutoCloseable {
    static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

    final McpSyncClient client;
    private final Runnable closeServer;

    McpServerFixture(Function<StdioServerTransportProvider, Runnable> build) throws IOException {
        PipeClientTransport transport = new PipeClientTransport(JSON);
        this.closeServer =
                build.apply(new StdioServerTransportProvider(JSON, transport.serverIn(), transport.serverOut()));
        this.client = McpClient.sync(transport)
                .clientInfo(
                        McpSchema.Implementation.builder("kmon-mcp-test", "1.0").build())
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
    }

    /** {@code kmon}'s Prometheus text. */
    static String prometheus(Kmon kmon) {
        return new String(PrometheusText.write(kmon.snapshot(), false).body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.closeGracefully();
        closeServer.run();
    }
}
