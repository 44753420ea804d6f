package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.health.HealthResult;
import io.kmon.health.HealthStatus;
import io.kmon.http.KmonServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exporter's start when its port is free, and when another process holds it. */
class DashboardServerTest {
    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();

    @AfterEach
    void close() {
        kmon.close();
    }

    @Test
    void freePort_isUsedAndNothingIsReported() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        try (KmonServer server = DashboardServer.start(kmon, free)) {
            assertEquals(free, server.port());
            assertFalse(kmon.health().check().checks().containsKey(DashboardServer.CHECK));
        }
    }

    @Test
    void takenPort_movesToAFreeOneAndSaysWhyInHealth() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                KmonServer server = DashboardServer.start(kmon, taken.getLocalPort())) {
            assertNotEquals(taken.getLocalPort(), server.port());

            HealthResult moved = kmon.health().check().checks().get(DashboardServer.CHECK);
            assertEquals(HealthStatus.DEGRADED, moved.status());
            assertEquals(taken.getLocalPort(), moved.details().get("requested_port"));
            assertEquals(server.port(), moved.details().get("port"));
            assertTrue(
                    moved.details().get("reason").toString().startsWith("BindException"),
                    moved.details().toString());
        }
    }
}
