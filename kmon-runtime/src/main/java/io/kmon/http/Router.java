package io.kmon.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The server's one {@link HttpHandler}: matches the raw path exactly (no decoding, no
 * normalisation, so {@code /..%2f} or {@code /metrics/../health} are simply unknown), checks
 * method and token, calls the endpoint and writes its response with Content-Type,
 * Content-Length and {@code Cache-Control: no-store} (unless the endpoint sets its own).
 *
 * <p>Every refusal is a short JSON error: 404 unknown path, 405 with {@code Allow} for a method
 * other than GET and HEAD, 400/414 bad query, 401 with {@code WWW-Authenticate} for a missing or
 * wrong token, 500 (message only, the stack stays in the log) when an endpoint fails. A client
 * that goes away mid-response costs one failed write; the exchange is always closed.
 */
final class Router implements HttpHandler {
    static final String ALLOW = "GET, HEAD";

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Map<String, Route> routes;
    private final BearerAuth auth;

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
     */
    Router(Map<String, Route> routes, BearerAuth auth) {
        this.routes = Map.copyOf(routes);
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            send(exchange, respond(exchange), head);
        } catch (IOException clientGone) {
            // The client closed the connection mid-response: nothing to answer, nobody to tell.
            LOG.log(System.Logger.Level.DEBUG, "client went away", clientGone);
        } catch (RuntimeException | Error e) {
            // send() failed after the headers were out: the connection is closed below.
            LOG.log(System.Logger.Level.WARNING, "kmon HTTP exchange failed", e);
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
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "kmon endpoint " + path + " failed", e);
            return Response.error(500, "internal error; see the server log");
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
            // -1 tells the JDK "no body"; 0 would mean chunked. Say the GET length ourselves,
            // except on a 304, whose length would have to be that of the 200 it stands for.
            if (response.status() != 304) {
                headers.set("Content-Length", Integer.toString(body.length));
            }
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
