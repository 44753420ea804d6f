package io.kmon.example;

import io.kmon.Kmon;
import io.kmon.example.catalog.CatalogConnectivityCheck;
import io.kmon.example.catalog.InMemoryMediaCatalog;
import io.kmon.example.catalog.MediaCatalog;
import io.kmon.example.catalog.MonitoredMediaCatalog;
import io.kmon.example.catalog.SimulatedLink;
import io.kmon.example.tools.CatalogMediaTools;
import io.kmon.example.tools.MediaToolDefinitions;
import io.kmon.example.tools.MediaTools;
import io.kmon.example.tools.ToolDispatcher;
import io.kmon.health.HealthRegistry;
import io.kmon.http.KmonServer;
import io.kmon.mcp.KmonMcp;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;

/**
 * The example's monitored service, without its front end: the media API wrapped by its
 * generated {@code MonitoredMediaCatalog}, the MCP tools instrumented by kmon-mcp, the API's
 * readiness check, and kmon's HTTP exporter. The MCP server and the demo both drive its {@link #tools()}.
 *
 * <pre>{@code
 * try (ExampleApp app = ExampleApp.start(Kmon.global(), 8000, new SimulatedLink(), Clock.systemUTC(), json)) {
 *     app.tools().call("search_media", Map.of("query", "java"));
 * }
 * }</pre>
 */
final class ExampleApp implements AutoCloseable {
    private final SimulatedLink link;
    private final ToolDispatcher tools;
    private final KmonServer server;

    private ExampleApp(SimulatedLink link, ToolDispatcher tools, KmonServer server) {
        this.link = link;
        this.tools = tools;
        this.server = server;
    }

    /**
     * Wires the service into {@code kmon} and starts the exporter on 127.0.0.1:{@code port}, or
     * on a free port when that one is taken ({@link DashboardServer}).
     *
     * @throws java.io.UncheckedIOException when no port can be bound
     */
    static ExampleApp start(Kmon kmon, int port, SimulatedLink link, Clock clock, McpJsonMapper json) {
        Objects.requireNonNull(kmon, "kmon");
        MediaCatalog api = MonitoredMediaCatalog.wrap(new InMemoryMediaCatalog(link, clock), kmon);
        MediaTools tools = new CatalogMediaTools(api);
        // Critical for readiness: with the API unreachable no tool can work, so the service is not ready.
        kmon.health()
                .register(
                        CatalogConnectivityCheck.NAME,
                        new CatalogConnectivityCheck(api),
                        EnumSet.of(HealthRegistry.Probe.READINESS),
                        true);
        KmonMcp mcp = KmonMcp.instrument(kmon).slowCall(Duration.ofMillis(MediaTools.SLOW_MILLIS));
        ToolDispatcher dispatcher = new ToolDispatcher(MediaToolDefinitions.bind(tools, json), json, mcp);
        KmonServer server = DashboardServer.start(kmon, port);
        return new ExampleApp(link, dispatcher, server);
    }

    /** The tools, monitored, as MCP calls them. */
    ToolDispatcher tools() {
        return tools;
    }

    /** The simulated network to the media API, for the demo's failures. */
    SimulatedLink link() {
        return link;
    }

    /** The dashboard's address, {@code http://127.0.0.1:PORT/}. */
    URI dashboard() {
        return server.uri();
    }

    /** Stops the exporter. */
    @Override
    public void close() {
        server.close();
    }
}
