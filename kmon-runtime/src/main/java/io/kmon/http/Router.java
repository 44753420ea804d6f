package io.kmon.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The server's one {@link HttpHandler}: matches the raw path exactly (no decoding, no
 * normalisation, so {@code /..%2f} or {@code /metrics/../health} are simply unknown), checks
 * method and token, calls the endpoint and writes its response with Content-Type,
 * Content-Length and {@code Cache-Control: no-store}.
 *
 * <p>Every refusal is a short JSON error: 404 unknown path, 405 with {@code Allow} for a method
 * other than GET and HEAD, 400/414 bad query, 401 with {@code WWW-Authenticate} for a missing or
 * wrong token, 500 (message only, the stack stays in the log) when an endpoint fails with any
 * {@code Throwable}, counted as {@code monitoring.internal_failures{source=endpoint:<path>}}. A client
 * that goes away mid-response costs one failed write; the exchange is always closed.
 */
final class Router implements HttpHandler {
    static final String ALLOW = "GET, HEAD";

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Map<String, Route> routes;
    private final BearerAuth auth;
    private final BiConsumer<String, Throwable> onFailure;

    /**
     * A route: an endpoint and whether it is served without a token.
     *
     * @param endpoint the endpoint
     * @param open true when no token is needed
     */
    record Route(Endpoint endpoint, boolean open) {
        Route {
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /**
     * A router.
     *
     * @param routes by exact raw path
     * @param auth the token check, or null for none
     * @param onFailure told of each endpoint failure (source {@code endpoint:<path>}); must not throw
     */
    Router(Map<String, Route> routes, BearerAuth auth, BiConsumer<String, Throwable> onFailure) {
        this.routes = Map.copyOf(routes);
        this.auth = auth;
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            send(exchange, respond(exchange), head);
        } catch (IOException clientGone) {
            // The client closed the connection mid-response: nothing to answer, nobody to tell.
            LOG.log(System.Logger.Level.DEBUG, "client went away", clientGone);
        } catch (Throwable e) {
            // send() failed after the headers were out: the connection is closed below.
            failed("exchange", e);
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        Route route = path == null ? null : routes.get(path);
        if (route == null) {
            return Response.error(404, "no endpoint at " + Text.printable(String.valueOf(path)));
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Response.error(405, "method " + Text.printable(method) + " not allowed; use GET or HEAD")
                    .withHeader("Allow", ALLOW);
        }
        if (auth != null && !route.open() && !auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Response.error(401, "missing or wrong bearer token")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"kmon\"");
        }
        try {
            Request request = new Request(path, Query.parse(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders());
            return route.endpoint().handle(request);
        } catch (HttpException refused) {
            return Response.error(refused.status(), refused.getMessage());
        } catch (Throwable e) {
            // Any Throwable, a StackOverflowError or an AssertionError too: the worker survives it,
            // and the client must get an answer rather than a closed connection.
            failed("endpoint:" + path, e);
            return Response.error(500, "internal error; see the server log");
        }
    }

    /** Counts and logs (once per source) a failure; a failing hook is only logged at debug level. */
    private void failed(String source, Throwable e) {
        try {
            onFailure.accept(source, e);
        } catch (Throwable hook) {
            LOG.log(System.Logger.Level.DEBUG, "kmon could not count an HTTP failure", hook);
        }
    }

    private static void send(HttpExchange exchange, Response response, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (head || body.length == 0) {
            // -1 tells the JDK "no body"; 0 would mean chunked. Say the GET length ourselves.
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
