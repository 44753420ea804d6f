package io.kmon.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The SDK client's side of an in-process stdio connection: newline-delimited JSON-RPC over two
 * {@link Pipe}s, the framing of {@code StdioServerTransportProvider}, which serves the other
 * ends ({@link #serverIn()}, {@link #serverOut()}). NIO pipes, unlike piped streams, do not
 * fail when the thread that last wrote ends.
 */
final class PipeClientTransport implements McpClientTransport {
    private final McpJsonMapper json;
    private final Pipe toServer;
    private final Pipe fromServer;
    private final OutputStream out;

    PipeClientTransport(McpJsonMapper json) throws IOException {
        this.json = json;
        this.toServer = Pipe.open();
        this.fromServer = Pipe.open();
        this.out = Channels.newOutputStream(toServer.sink());
    }

    /** What the server reads. */
    InputStream serverIn() {
        return Channels.newInputStream(toServer.source());
    }

    /** Where the server writes. */
    OutputStream serverOut() {
        return Channels.newOutputStream(fromServer.sink());
    }

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(
                            Channels.newInputStream(fromServer.source()), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            handler.apply(Mono.just(McpSchema.deserializeJsonRpcMessage(json, line)))
                                    .subscribe();
                        }
                    } catch (IOException e) {
                        // closed: the client is done
                    }
                },
                "pipe-client-reader");
        reader.setDaemon(true);
        reader.start();
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                byte[] line = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (out) {
                    out.write(line);
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            try {
                toServer.sink().close();
                fromServer.source().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return json.convertValue(data, type);
    }
}
