package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.testing.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests no well-behaved client sends, over raw sockets: each is answered or dropped within
 * the timeouts, and the server still serves the next good request. The servers here read with
 * {@code readTimeout} 2 s, while the test JVM's JDK-wide backstop {@code maxReqTime} is 20 s
 * (maxRspTime 3 s, idleInterval 2 s; see kmon.test.jvm in the pom), so a slow client closed
 * within the 15 s a test waits was closed by the server's own deadline. Servers here run one
 * endpoint at a time.
 */
class BadInputTest {
    private static final String GOOD = "GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    private Kmon kmon;
    private KmonServer server;

    @BeforeEach
    void start() {
        kmon = Fixtures.kmon(new FakeClock());
        Fixtures.record(kmon);
        server = KmonServer.builder(kmon)
                .threads(1)
                .readTimeout(Duration.ofSeconds(2))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        kmon.close();
    }

    private void assertStillServing() throws IOException {
        String r = Http.raw(server, GOOD);
        assertEquals(200, Http.status(r), r);
        assertTrue(r.contains("\"monitoring\""), r);
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    @Test
    void malformedRequestLines_areRefused() throws IOException {
        for (String bad : new String[] {
            "GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /metrics\r\n\r\n", "\r\n\r\n\r\n", "G\u0000T / HTTP/1.1\r\n\r\n"
        }) {
            String r = Http.raw(server, bad);
            int status = Http.status(r);
            // the JDK answers 400 (or drops the line); a mangled method name is just an unknown method
            assertTrue(status == 400 || status == 405 || status == -1, bad + " -> " + r);
            assertFalse(r.contains("\tat "), r);
        }
        assertStillServing();
    }

    @Test
    void unknownMethods_are405Json() throws IOException {
        for (String method : new String[] {"BREW", "PROPFIND", "CONNECT", "TRACE"}) {
            String r = Http.raw(server, method + " /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(405, Http.status(r), r);
            assertTrue(r.contains("Allow: GET, HEAD"), r);
            assertTrue(r.contains("\"error\":\"Method Not Allowed\""), r);
        }
        assertStillServing();
    }

    @Test
    void pathTraversal_is404Json() throws IOException {
        for (String path : new String[] {
            "/..%2f",
            "/..%2f..%2fetc%2fpasswd",
            "/metrics/../metrics",
            "/./metrics",
            "/%2e%2e/",
            "/metrics%00",
            "/metrics/prometheus%2f..%2f..%2f"
        }) {
            String r = Http.raw(server, request(path));
            assertEquals(404, Http.status(r), path + " -> " + r);
            assertTrue(r.contains("application/json"), r);
        }
        assertStillServing();
    }

    @Test
    void tooManyHeaders_isRefused() throws IOException {
        StringBuilder req = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < ServerLimits.MAX_HEADERS + 10; i++) {
            req.append("X-H").append(i).append(": v\r\n");
        }
        String r = Http.raw(server, req.append("\r\n").toString());
        assertTrue(Http.status(r) == 400 || Http.status(r) == -1, r);
        assertStillServing();
    }

    @Test
    void hugeHeader_isRefused() throws IOException {
        String r = Http.raw(
                server,
                "GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(ServerLimits.MAX_HEADER_BYTES + 1000)
                        + "\r\n\r\n");
        assertTrue(Http.status(r) == 400 || Http.status(r) == 431 || Http.status(r) == -1, r);
        String huge = Http.raw(
                server,
                ("GET /metrics HTTP/1.1\r\nX-Big: " + "a".repeat(8 << 20) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                Duration.ofSeconds(10));
        assertFalse(huge.contains(" 200 "), huge);
        assertStillServing();
    }

    @Test
    void hugeRequestLine_isRefused() throws IOException {
        String r = Http.raw(server, request("/" + "a".repeat(ServerLimits.MAX_HEADER_BYTES * 4)));
        assertFalse(r.contains(" 200 "), r);
        assertStillServing();
    }

    @Test
    void hugeOrBadlyEncodedQueries_are414Or400() throws IOException {
        String longQuery = Http.raw(server, request("/metrics/series?name=" + "a".repeat(Query.MAX_LENGTH + 10)));
        assertEquals(414, Http.status(longQuery), longQuery);
        assertTrue(longQuery.contains("application/json"), longQuery);
        String badUtf8 = Http.raw(server, request("/metrics/series?name=%C3%28"));
        assertEquals(400, Http.status(badUtf8), badUtf8);
        assertTrue(badUtf8.contains("not valid UTF-8"), badUtf8);
        // refused by the JDK's URI parser before routing: a short 400, not ours, still no stack trace
        String badEscape = Http.raw(server, request("/metrics/series?name=%ZZ"));
        assertEquals(400, Http.status(badEscape), badEscape);
        assertFalse(badEscape.contains("\tat "), badEscape);
        String rawNonAscii = Http.raw(
                server,
                ("GET /metrics/series?name=\u00e9 HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
        assertEquals(400, Http.status(rawNonAscii), rawNonAscii);
        assertStillServing();
    }

    @Test
    void fiveHundredIdleConnections_doNotBlockService_andAreClosed() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            // just under the test JVM's cap of 512 connections (SlowClientsTest goes beyond it)
            for (int i = 0; i < 500; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                idle.add(s);
            }
            assertStillServing();
            // The JDK closes silent connections after idleInterval (2 s here), checked every clockTick.
            for (Socket s : idle) {
                s.setSoTimeout(15_000);
                assertTrue(closedByServer(s.getInputStream()), "idle connection still open");
            }
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
        assertStillServing();
    }

    @Test
    void slowloris_isDisconnectedAfterTheReadTimeout_freeingTheOnlyThread() throws Exception {
        try (Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            // a request line and half the headers, then nothing: the JDK reads it on our one thread
            slow.getOutputStream()
                    .write("GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            slow.setSoTimeout(15_000);
            assertTrue(closedByServer(slow.getInputStream()), "slow client still connected");
        }
        assertStillServing();
    }

    @Test
    void eachServer_keepsItsOwnReadTimeout() throws Exception {
        try (KmonServer patient = KmonServer.builder(kmon)
                        .readTimeout(Duration.ofSeconds(30))
                        .start();
                Socket slowHere = new Socket();
                Socket slowThere = new Socket()) {
            byte[] partial = "GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            slowHere.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            slowThere.connect(new InetSocketAddress("127.0.0.1", patient.port()), 5000);
            slowHere.getOutputStream().write(partial);
            slowThere.getOutputStream().write(partial);
            slowHere.setSoTimeout(15_000);
            assertTrue(closedByServer(slowHere.getInputStream()), "2 s server kept its slow client");
            slowThere.setSoTimeout(200);
            assertFalse(closedByServer(slowThere.getInputStream()), "30 s server took the other's deadline");
            assertEquals(200, Http.get(patient, "/metrics").statusCode());
        }
        assertStillServing();
    }

    @Test
    void slowloris_doesNotDelayOthers_whileAThreadIsFree() throws Exception {
        try (KmonServer two = KmonServer.builder(kmon)
                        .threads(2)
                        .readTimeout(Duration.ofSeconds(2))
                        .start();
                Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress("127.0.0.1", two.port()), 5000);
            slow.getOutputStream()
                    .write("GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            awaitActive(two, 1);
            // served well inside the 2 s read timeout, since the slow client holds only one thread
            assertEquals(200, Http.get(two, "/metrics").statusCode());
            awaitActive(two, 1); // the good request's thread is freed just after its response; the slow one stays
        }
    }

    /** Waits (bounded) until {@code server} is handling {@code n} requests. */
    private static void awaitActive(KmonServer server, int n) throws InterruptedException {
        for (int i = 0; i < 300 && server.activeRequests() != n; i++) {
            Thread.sleep(50);
        }
        assertEquals(n, server.activeRequests());
    }

    @Test
    void clientsDisconnectingMidResponse_doNotTieUpTheThread() throws Exception {
        bigMetrics();
        for (int i = 0; i < 20; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                s.getOutputStream().write(request("/metrics/prometheus").getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().readNBytes(100);
                s.setSoLinger(true, 0); // reset, not a polite close
            }
        }
        assertStillServing();
    }

    @Test
    void clientThatStopsReading_isCutOffAfterTheWriteTimeout() throws Exception {
        bigMetrics();
        int full = Http.get(server, "/metrics/prometheus").body().length();
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            stalled.getOutputStream().write(request("/metrics/prometheus").getBytes(StandardCharsets.US_ASCII));
            awaitActive(server, 1); // the only worker is blocked writing to a client that never reads
            awaitActive(server, 0); // ... until maxRspTime (3 s) closes the connection
            stalled.setSoTimeout(15_000);
            int received = 0;
            try {
                received = stalled.getInputStream().readAllBytes().length;
            } catch (SocketException reset) {
                // cut off: what arrived before the reset is not counted, which is fine here
            }
            assertTrue(received < full, "the stalled client got the whole response: " + received);
        }
        assertStillServing();
    }

    /** About 8 MB of Prometheus text: more than loopback socket buffers hold. */
    private void bigMetrics() {
        String wide = "v".repeat(1000); // tag values are kept up to 1 KiB
        for (int i = 0; i < 8000; i++) {
            kmon.counter("wide.m" + (i % 8), "k", wide + i).increment();
        }
    }

    /** Whether the server closed the connection: read sees end of stream or a reset. */
    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            byte[] buf = new byte[8192];
            while (true) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
