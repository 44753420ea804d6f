package io.kmon.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /}: the dashboard, one self-contained HTML page (inline CSS, inline script, SVG
 * charts) that reads the JSON endpoints. Its Content-Security-Policy forbids loading anything
 * from anywhere but this server, so it provably works offline.
 */
final class DashboardEndpoint implements Endpoint {
    static final String RESOURCE = "dashboard.html";
    static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] page;

    DashboardEndpoint() {
        try (InputStream in = DashboardEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/kmon/http/" + RESOURCE);
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/kmon/http/" + RESOURCE, e);
        }
    }

    @Override
    public Response handle(Request request) {
        return new Response(200, "text/html; charset=utf-8", page,
                Map.of("Content-Security-Policy", CSP, "Referrer-Policy", "no-referrer"));
    }
}
