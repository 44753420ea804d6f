package io.kmon.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * The server's one {@link HttpHandler}: validates the request line and {@code Host}, matches the
 * raw path exactly (no decoding, no normalisation, so {@code /..%2f} or {@code /metrics/../health}
 * are simply unknown), checks method and token, calls the endpoint and writes its response with
 * Content-Type, Content-Length and {@code Cache-Control: no-store} (unless the endpoint sets its
 * own), gzipped when the client takes
 * it.
 *
 * <p>Every refusal is a short JSON error, checked in this order: 505 for a protocol other than
 * HTTP/1.0 and HTTP/1.1, 400 for an HTTP/1.1 request without exactly one {@code Host}, 421 for a
 * {@code Host} the {@link HostAllowlist} refuses, 404 unknown path, 405 with {@code Allow} for a
 * method other than GET and HEAD, 400/414 bad query, 401 with {@code WWW-Authenticate} for a
 * missing or wrong token, 500 (message only, the stack stays in the log) when an endpoint fails
 * with any {@code Throwable}, counted as {@code monitoring.internal_failures{source=endpoint:<path>}}.
 * A client that goes away mid-response costs one failed write; the exchange is always closed.
 *
 * <p>At most {@code handlers} endpoints run at once (a {@link Semaphore}): connections are cheap
 * to hold, but rendering a scrape costs CPU and memory.
 */
final class Router implements HttpHandler {
    static final String ALLOW = "GET, HEAD";

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Map<String, Route> routes;
    private final BearerAuth auth;
    private final HostAllowlist hosts;
    private final boolean gzip;
    private final Semaphore handlers;
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
     * @param hosts the Host names answered
     * @param gzip whether bodies may be gzipped
     * @param handlers how many endpoints may run at once
     * @param onFailure told of each endpoint failure (source {@code endpoint:<path>}); must not throw
     */
    Router(
            Map<String, Route> routes,
            BearerAuth auth,
            HostAllowlist hosts,
            boolean gzip,
            int handlers,
            BiConsumer<String, Throwable> onFailure) {
        this.routes = Map.copyOf(routes);
        this.auth = auth;
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.gzip = gzip;
        this.handlers = new Semaphore(handlers);
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            if (!ReadDeadline.requestRead()) {
                return; // too slow: the connection is being closed, nobody to answer
            }
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            send(exchange, respond(exchange), head);
        } catch (IOException clientGone) {
            // The client closed the connection mid-response: nothing to answer, nobody to tell.
            LOG.log(System.Logger.Level.DEBUG, "client went away", clientGone);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt(); // the server is closing
        } catch (Throwable e) {
            // send() failed after the headers were out: the connection is closed below.
            failed("exchange", e);
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange) throws InterruptedException {
        Response refused = validate(exchange);
        if (refused != null) {
            return refused;
        }
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
        boolean authenticated =
                auth == null || auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authenticated && !route.open()) {
            return Response.error(401, "missing or wrong bearer token")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"kmon\"");
        }
        handlers.acquire();
        try {
            Request request = new Request(
                    path,
                    Query.parse(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(),
                    authenticated);
            return route.endpoint().handle(request);
        } catch (HttpException badRequest) {
            return Response.error(badRequest.status(), badRequest.getMessage());
        } catch (Throwable e) {
            // Any Throwable, a StackOverflowError or an AssertionError too: the worker survives it,
            // and the client must get an answer rather than a closed connection.
            failed("endpoint:" + path, e);
            return Response.error(500, "internal error; see the server log");
        } finally {
            handlers.release();
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

    /** The refusal for a request kmon does not answer whatever its path, or null. */
    private Response validate(HttpExchange exchange) {
        String protocol = exchange.getProtocol();
        boolean http11 = "HTTP/1.1".equals(protocol);
        if (!http11 && !"HTTP/1.0".equals(protocol)) {
            return Response.error(505, "only HTTP/1.0 and HTTP/1.1 are served, not " + Text.printable(protocol));
        }
        List<String> host = exchange.getRequestHeaders().get("Host");
        if (host == null ? http11 : host.size() != 1) {
            return Response.error(400, "a request needs exactly one Host header (HTTP/1.0 may have none)");
        }
        if (host != null && !hosts.accepts(host.get(0))) {
            return Response.error(
                    421,
                    "this server does not answer for Host " + Text.printable(String.join(", ", host))
                            + "; see KmonServerBuilder.allowHosts");
        }
        return null;
    }

    private void send(HttpExchange exchange, Response response, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (gzip) {
            String vary = headers.getFirst("Vary");
            headers.set("Vary", vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
            if (Gzip.wanted(exchange.getRequestHeaders().getFirst("Accept-Encoding"), body.length)) {
                body = Gzip.compress(body);
                headers.set("Content-Encoding", "gzip");
            }
        }
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
