package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kmon.Kmon;
import io.kmon.testing.FakeClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slowloris at scale, over raw sockets: many connections that each send part of a request and
 * then nothing. Runs under the build's JDK (17: platform threads) and again under Temurin 25
 * (virtual threads) through the {@code jdk25} failsafe execution. The test JVM caps connections
 * at 512 ({@code jdk.httpserver.maxConnections}, see {@code kmon.test.jvm} in the pom).
 */
class SlowClientsTest {
    private static final int CAP = 512;
    private static final byte[] PARTIAL =
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    private Kmon kmon;
    private KmonServer server;
    private final List<SocketChannel> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        kmon = Fixtures.kmon(new FakeClock());
        // a read deadline far beyond the test, so every slow client is still held when we ask
        server = KmonServer.builder(kmon).readTimeout(Duration.ofSeconds(60)).start();
    }

    @AfterEach
    void stop() throws IOException {
        for (SocketChannel c : clients) {
            c.close();
        }
        server.close();
        kmon.close();
    }

    @Test
    void threadsMatchTheJvm_virtualFromJava24() {
        assertEquals(
                Runtime.version().feature() >= Workers.VIRTUAL_FROM,
                server.virtualThreads(),
                "on Java " + Runtime.version());
    }

    @Test
    void underCi_theTemurin25RunIsConfigured() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))
                && System.getProperty("kmon.jdk25.java", "").isBlank()) {
            fail("CI must run SlowClientsTest under Temurin 25 too: install it at /usr/lib/jvm/temurin-25-jdk-amd64 "
                    + "or pass -Dkmon.jdk25.java=/path/to/bin/java");
        }
    }

    @Test
    void threeHundredPartialRequests_doNotDelayAGoodOne() throws Exception {
        assertEquals(200, goodRequestOnceFree()); // loads the classes a first answer needs
        openPartial(300);
        awaitActive(300); // all 300 are read on their own threads, and held there
        long started = System.nanoTime();
        String r = Http.raw(server, "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, Http.status(r), r);
        // served while every slow client still held its exchange: nothing waited behind them
        assertTrue(server.activeRequests() >= 300, "slow clients released early: " + server.activeRequests());
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "SlowClientsTest on Java %s (%s threads): /health/live with 300 slow clients in %d ms, "
                        + "heap used %d MiB%n",
                Runtime.version(),
                server.virtualThreads() ? "virtual" : "platform",
                millis,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    @Test
    void twoThousandPartialRequests_theExcessIsRefused_andTheServerRecovers() throws Exception {
        openPartial(2000);
        int closed = awaitClosedByServer(2000 - CAP);
        assertTrue(closed >= 2000 - CAP, "closed " + closed);
        assertTrue(server.activeRequests() <= CAP, "running " + server.activeRequests());
        for (SocketChannel c : clients) {
            c.close();
        }
        clients.clear();
        assertEquals(200, goodRequestOnceFree(), "not recovered after the slow clients left");
    }

    private void openPartial(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()));
            clients.add(c);
            c.write(ByteBuffer.wrap(PARTIAL));
        }
    }

    /** Waits (bounded) until at least {@code n} of the clients see the server close; how many did. */
    private int awaitClosedByServer(int n) throws IOException {
        int closed = 0;
        try (Selector selector = Selector.open()) {
            for (SocketChannel c : clients) {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ);
            }
            ByteBuffer buf = ByteBuffer.allocate(1024);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (closed < n && System.nanoTime() < deadline) {
                selector.select(500);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel c = (SocketChannel) key.channel();
                    buf.clear();
                    int read;
                    try {
                        read = c.read(buf);
                    } catch (IOException reset) {
                        read = -1;
                    }
                    if (read < 0) {
                        key.cancel();
                        closed++;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        return closed;
    }

    /** A good request, retried (bounded) while the server still counts closing connections. */
    private int goodRequestOnceFree() throws Exception {
        int status = -1;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = Http.status(
                    Http.raw(server, "GET /health/live HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n"));
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    private void awaitActive(int n) throws InterruptedException {
        for (int i = 0; i < 300 && server.activeRequests() < n; i++) {
            Thread.sleep(50);
        }
        assertEquals(n, server.activeRequests());
    }
}
