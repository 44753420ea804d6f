package io.kmon.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard's three files, each read once from a resource next to this class:
 * {@code GET /} the page, {@code /dashboard.css} its styles and {@code /dashboard.js} its
 * script (SVG charts drawn from the JSON endpoints). They hold no data, so they are served
 * without a token; the script asks for one when the data endpoints need it.
 *
 * <p>The Content-Security-Policy allows scripts, styles and connections from this server only
 * and no inline code, so the dashboard provably works offline and an injected markup string
 * could not run. Every answer carries a strong ETag of its bytes and
 * {@code Cache-Control: no-cache}: the browser keeps the files but asks each time, and gets an
 * empty 304 when they did not change, so a page is never paired with a stale script.
 */
final class DashboardEndpoint implements Endpoint {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final String contentType;
    private final byte[] body;
    private final String etag;
    private final Map<String, String> headers;

    private DashboardEndpoint(String resource, String contentType) {
        this.contentType = contentType;
        this.body = read(resource);
        this.etag = etag(body);
        this.headers = Map.of(
                "Content-Security-Policy",
                CSP,
                "Referrer-Policy",
                "no-referrer",
                "ETag",
                etag,
                "Cache-Control",
                "no-cache");
    }

    /** The dashboard's routes, by path: all open. */
    static Map<String, Router.Route> routes() {
        Map<String, Router.Route> routes = new LinkedHashMap<>();
        routes.put("/", open("dashboard.html", "text/html; charset=utf-8"));
        routes.put("/dashboard.css", open("dashboard.css", "text/css; charset=utf-8"));
        routes.put("/dashboard.js", open("dashboard.js", "text/javascript; charset=utf-8"));
        return routes;
    }

    private static Router.Route open(String resource, String contentType) {
        return new Router.Route(new DashboardEndpoint(resource, contentType), true);
    }

    @Override
    public Response handle(Request request) {
        boolean unchanged = matches(request.header("If-None-Match"));
        return new Response(unchanged ? 304 : 200, contentType, unchanged ? new byte[0] : body, headers);
    }

    /** Whether an If-None-Match value names this file's ETag (weak comparison, as RFC 9110 asks). */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardEndpoint.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/kmon/http/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/kmon/http/" + resource, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
