package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.testing.FakeClock;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request lines, Host headers, Accept negotiation and query integers, over raw sockets: what a
 * strict server refuses, and that the next good request is still served.
 */
class StrictRequestTest {
    private Kmon kmon;
    private KmonServer server;

    @BeforeEach
    void start() {
        kmon = Fixtures.kmon(new FakeClock());
        Fixtures.record(kmon);
        server = KmonServer.start(kmon, 0);
    }

    @AfterEach
    void stop() {
        server.close();
        kmon.close();
    }

    private String get(String path, String protocol, String... headerLines) throws IOException {
        StringBuilder r = new StringBuilder("GET ")
                .append(path)
                .append(' ')
                .append(protocol)
                .append("\r\n");
        for (String h : headerLines) {
            r.append(h).append("\r\n");
        }
        return Http.raw(server, r.append("Connection: close\r\n\r\n").toString());
    }

    private void assertStillServing() throws IOException {
        String r = get("/metrics", "HTTP/1.1", "Host: localhost");
        assertEquals(200, Http.status(r), r);
        assertTrue(r.contains("\"monitoring\""), r);
    }

    private static void assertJsonError(String response, int status, String error) {
        assertEquals(status, Http.status(response), response);
        assertTrue(response.contains("application/json"), response);
        assertTrue(response.contains("\"error\":\"" + error + "\""), response);
        assertFalse(response.contains("\tat "), response);
    }

    @Test
    void protocolsOtherThanHttp10And11_are505() throws IOException {
        for (String protocol : new String[] {"HTTP/9.9", "FOO/1.1", "HTTP/2.0", "HTTP/1.2", "http/1.1", "HTTP/1"}) {
            String r = get("/health", protocol, "Host: localhost");
            assertJsonError(r, 505, "HTTP Version Not Supported");
        }
        assertStillServing();
    }

    @Test
    void http11_needsExactlyOneHost() throws IOException {
        assertJsonError(get("/health", "HTTP/1.1"), 400, "Bad Request");
        assertJsonError(get("/health", "HTTP/1.1", "Host: localhost", "Host: localhost"), 400, "Bad Request");
        assertJsonError(get("/health", "HTTP/1.0", "Host: localhost", "Host: 127.0.0.1"), 400, "Bad Request");
        assertEquals(200, Http.status(get("/health", "HTTP/1.0")), "HTTP/1.0 may leave Host out");
        assertStillServing();
    }

    @Test
    void foreignHosts_are421_onEveryEndpoint() throws IOException {
        for (String path : new String[] {
            "/", "/metrics", "/metrics/prometheus", "/errors", "/alerts", "/health", "/health/live", "/nope"
        }) {
            String r = get(path, "HTTP/1.1", "Host: rebind.attacker.example");
            assertJsonError(r, 421, "Misdirected Request");
            assertFalse(r.contains("monitoring"), r);
        }
        for (String host : new String[] {
            "rebind.attacker.example:" + server.port(),
            "localhost.attacker.example",
            "127.0.0.1.nip.io",
            "",
            "LOCALHOST:notaport"
        }) {
            assertJsonError(get("/metrics", "HTTP/1.1", "Host: " + host), 421, "Misdirected Request");
        }
        assertStillServing();
    }

    @Test
    void loopbackNamesAndAddresses_areAnswered() throws IOException {
        for (String host : new String[] {
            "localhost",
            "LocalHost:" + server.port(),
            "localhost.",
            "app.localhost",
            "127.0.0.1",
            "127.0.0.1:" + server.port(),
            "[::1]",
            "[::1]:" + server.port(),
            "10.1.2.3"
        }) {
            assertEquals(200, Http.status(get("/metrics", "HTTP/1.1", "Host: " + host)), host);
        }
    }

    @Test
    void allowHosts_addsNames() throws IOException {
        try (KmonServer named =
                KmonServer.builder(kmon).allowHosts("app-1.internal").start()) {
            String ok =
                    Http.raw(named, "GET /metrics HTTP/1.1\r\nHost: APP-1.internal:8000\r\nConnection: close\r\n\r\n");
            assertEquals(200, Http.status(ok), ok);
            String other =
                    Http.raw(named, "GET /metrics HTTP/1.1\r\nHost: app-2.internal\r\nConnection: close\r\n\r\n");
            assertEquals(421, Http.status(other), other);
        }
        assertStillServing();
    }

    @Test
    void accept_isCaseInsensitiveAndHonoursQValues() throws IOException {
        String[][] cases = {
            {"application/openmetrics-text;q=0", "text/plain"},
            {"application/openmetrics-text; q=0.0", "text/plain"},
            {"APPLICATION/OpenMetrics-Text", "application/openmetrics-text"},
            {
                "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
                        + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
                "application/openmetrics-text"
            },
            {"text/plain;q=0.9, application/openmetrics-text;q=0.8", "text/plain"},
            {"*/*", "text/plain"},
            {"application/openmetrics-text;q=abc", "text/plain"},
        };
        for (String[] c : cases) {
            String r = get("/metrics/prometheus", "HTTP/1.1", "Host: localhost", "Accept: " + c[0]);
            assertEquals(200, Http.status(r), r);
            assertTrue(r.contains("Content-type: " + c[1]), c[0] + " -> " + r.substring(0, r.indexOf("\r\n\r\n")));
        }
        assertStillServing();
    }

    @Test
    void queryIntegers_areAsciiDigitsOnly() throws IOException {
        for (String since : new String[] {"+5", "-0", "%D9%A5", "%EF%BC%95", "5%20", "1e3", "99999999999999999999"}) {
            String r = get("/alerts?since=" + since, "HTTP/1.1", "Host: localhost");
            assertJsonError(r, 400, "Bad Request");
        }
        assertEquals(200, Http.status(get("/alerts?since=5&limit=1", "HTTP/1.1", "Host: localhost")));
        assertStillServing();
    }
}
