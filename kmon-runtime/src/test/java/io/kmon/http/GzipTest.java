package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.testing.FakeClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** gzip over raw sockets: when it is used, its headers, and that the body is the same. */
class GzipTest {
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

    /** A raw response split into lower-cased header lookup and body bytes. */
    private record Raw(int status, String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private static Raw get(KmonServer s, String method, String path, String acceptEncoding) throws IOException {
        String r = Http.raw(
                s,
                method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + (acceptEncoding == null ? "" : "Accept-Encoding: " + acceptEncoding + "\r\n")
                        + "Connection: close\r\n\r\n");
        int end = r.indexOf("\r\n\r\n");
        return new Raw(Http.status(r), r.substring(0, end), r.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void largeBodies_areGzipped_whenTheClientAcceptsIt() throws IOException {
        Raw plain = get(server, "GET", "/metrics/prometheus", null);
        assertTrue(plain.body().length >= Gzip.MIN_BYTES, "fixture too small: " + plain.body().length);
        assertNull(plain.header("Content-Encoding"));
        assertEquals("Accept, Accept-Encoding", plain.header("Vary"));
        for (String accepts : new String[] {"gzip", "GZIP", "deflate, gzip;q=0.5", "br, *", "identity;q=0.5, gzip"}) {
            Raw gz = get(server, "GET", "/metrics/prometheus", accepts);
            assertEquals(200, gz.status());
            assertEquals("gzip", gz.header("Content-Encoding"), accepts);
            assertEquals("Accept, Accept-Encoding", gz.header("Vary"));
            assertEquals(gz.body().length, Integer.parseInt(gz.header("Content-Length")));
            assertTrue(gz.body().length < plain.body().length);
            assertArrayEquals(plain.body(), gunzip(gz.body()), accepts);
        }
    }

    @Test
    void gzipRefusedOrUnknown_sendsThePlainBody() throws IOException {
        for (String accepts : new String[] {"gzip;q=0", "identity", "deflate", "br", "*;q=0", "gzipx"}) {
            Raw r = get(server, "GET", "/metrics/prometheus", accepts);
            assertNull(r.header("Content-Encoding"), accepts);
            assertEquals(r.body().length, Integer.parseInt(r.header("Content-Length")));
        }
    }

    @Test
    void smallBodies_areSentPlain_butVaryStill() throws IOException {
        Raw r = get(server, "GET", "/health/live", "gzip");
        assertTrue(r.body().length < Gzip.MIN_BYTES);
        assertNull(r.header("Content-Encoding"));
        assertEquals("Accept-Encoding", r.header("Vary"));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).startsWith("{"));
    }

    @Test
    void head_hasTheGetHeaders_andNoBody() throws IOException {
        Raw get = get(server, "GET", "/metrics/prometheus", "gzip");
        Raw head = get(server, "HEAD", "/metrics/prometheus", "gzip");
        assertEquals("gzip", head.header("Content-Encoding"));
        assertEquals(get.header("Content-Length"), head.header("Content-Length"));
        assertEquals(0, head.body().length);
    }

    @Test
    void optOut_neverCompresses_norVaries() throws IOException {
        try (KmonServer plain = KmonServer.builder(kmon).gzip(false).start()) {
            Raw r = get(plain, "GET", "/metrics/prometheus", "gzip");
            assertNull(r.header("Content-Encoding"));
            assertEquals("Accept", r.header("Vary"));
            assertTrue(new String(r.body(), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT)
                    .contains("# type"));
        }
        Raw good = get(server, "GET", "/metrics", null);
        assertEquals(200, good.status());
    }
}
