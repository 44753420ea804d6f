package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An endpoint that fails with any Throwable answers a short 500 JSON, counted, over a real port. */
class EndpointFailureTest {
    private final Map<String, AtomicInteger> counted = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService workers;

    @BeforeEach
    void start() throws Exception {
        Map<String, Router.Route> routes = Map.of(
                "/overflow",
                        new Router.Route(
                                r -> {
                                    throw new StackOverflowError();
                                },
                                true),
                "/assert",
                        new Router.Route(
                                r -> {
                                    throw new AssertionError("invariant");
                                },
                                true),
                "/runtime",
                        new Router.Route(
                                r -> {
                                    throw new IllegalStateException("secret detail\nsecond line");
                                },
                                true),
                "/recurse", new Router.Route(EndpointFailureTest::recurse, true),
                "/ok", new Router.Route(r -> Response.json(200, Map.of("ok", true)), true));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        workers = Executors.newFixedThreadPool(1); // one worker: a lost one would hang every later request
        server.setExecutor(workers);
        server.createContext(
                "/",
                new Router(
                        routes,
                        null,
                        new HostAllowlist(Set.of()),
                        true,
                        1,
                        (source, e) -> counted.computeIfAbsent(source, s -> new AtomicInteger())
                                .incrementAndGet()));
        server.start();
    }

    private static Response recurse(Request request) {
        return recurse(request);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return Http.CLIENT.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyThrowable_isAShort500Json_countedPerEndpoint_andTheWorkerLives() throws Exception {
        for (String path : List.of("/overflow", "/assert", "/runtime", "/recurse", "/overflow")) {
            HttpResponse<String> r = get(path);
            assertEquals(500, r.statusCode(), path);
            assertEquals(Response.JSON, r.headers().firstValue("Content-Type").orElse(null));
            assertEquals(
                    "{\"status\":500,\"error\":\"Internal Server Error\",\"message\":\"internal error; see the server log\"}",
                    r.body(),
                    "no class, message or trace reaches the client");
        }
        assertEquals(2, counted.get("endpoint:/overflow").get());
        assertEquals(1, counted.get("endpoint:/assert").get());
        assertEquals(1, counted.get("endpoint:/runtime").get());
        assertEquals(1, counted.get("endpoint:/recurse").get());
        HttpResponse<String> ok = get("/ok");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("true"));
    }
}
