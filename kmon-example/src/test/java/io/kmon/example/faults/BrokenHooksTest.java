package io.kmon.example.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.http.KmonServer;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MetricNames;
import io.kmon.testing.RecordingLogger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Everything kmon calls out to is broken at once (an alert listener, gauge suppliers that throw
 * an exception or an {@link Error}, a health check, the {@link System.Logger} backend): calls
 * through the generated {@code MonitoredFaulty} and every endpoint keep working, and each
 * failure is counted as {@code monitoring.internal_failures{source}} and logged once.
 */
class BrokenHooksTest {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Kmon kmon;
    private KmonServer server;

    @AfterEach
    void close() {
        Thread.interrupted();
        if (server != null) {
            server.close();
        }
        kmon.close();
    }

    private Faulty start(RecordingLogger logger) {
        kmon = Kmon.builder()
                .backgroundThread(false)
                .systemMetrics(false)
                .logger(logger)
                .healthTimeout(Duration.ofSeconds(1))
                .build();
        kmon.alerts().addListener(alert -> {
            throw new IllegalStateException("pager down");
        });
        kmon.gauge("pool.size", () -> {
            throw new IllegalStateException("pool gone");
        });
        kmon.gauge("cache.size", () -> {
            throw new NoClassDefFoundError("com/example/Cache");
        });
        kmon.health().register("db", () -> {
            throw new IllegalStateException("db check broken");
        });
        server = KmonServer.start(kmon, 0);
        return MonitoredFaulty.wrap(
                new ScriptedFaulty().onCall(() -> {
                    throw new InterruptedException("raises an @AlertOn alert");
                }),
                kmon);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.uri().resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private long failures(String source) {
        return kmon.snapshot().count(MetricNames.INTERNAL_FAILURES, "source", source);
    }

    @Test
    void brokenListenerGaugesAndCheck_leaveCallsAndEndpointsWorking_eachCountedAndLoggedOnce() throws Exception {
        RecordingLogger logger = new RecordingLogger();
        Faulty proxy = start(logger);

        for (int i = 0; i < 3; i++) {
            assertThrows(InterruptedException.class, proxy::call);
            kmon.checkAlertsNow(); // delivers the call-path alert to the throwing listener
            String prometheus = get("/metrics/prometheus");
            assertFalse(prometheus.contains("pool_size "), "a gauge without a value is left out");
            assertFalse(prometheus.contains("cache_size "), prometheus);
            assertTrue(get("/health").contains("db check broken"));
            get("/metrics");
            get("/alerts");
        }

        assertEquals(
                3,
                kmon.snapshot()
                        .count(
                                "faults.errors",
                                "component",
                                "faulty",
                                "method",
                                "call",
                                "error_type",
                                "InterruptedException"));
        assertEquals(1, failures("listener"), "one call_failure alert within the cooldown, one failed delivery");
        assertTrue(failures("read:pool.size") >= 3, "every failed read counted: " + kmon.internalFailureCounts());
        assertTrue(failures("read:cache.size") >= 3, "an Error too: " + kmon.internalFailureCounts());
        String prometheus = get("/metrics/prometheus");
        assertTrue(prometheus.contains("monitoring_internal_failures_total{source=\"read:cache.size\"}"), prometheus);
        for (String source : new String[] {"listener", "read:pool.size", "read:cache.size"}) {
            assertEquals(1, logger.containing("failure in " + source + " ").size(), source + " logged once");
        }
    }

    @Test
    void brokenLoggerBackend_leavesCallsAlertsAndEndpointsWorking_andIsCounted() throws Exception {
        Faulty proxy = start(RecordingLogger.throwing());

        assertThrows(InterruptedException.class, proxy::call);
        kmon.checkAlertsNow();
        kmon.alert(AlertLevel.CRITICAL, "raised by hand", "ops", Map.of());

        assertEquals(2, kmon.alerts().recent().size(), "alerts are kept though they cannot be logged");
        assertTrue(
                failures(InternalFailures.LOGGER) >= 2,
                kmon.internalFailureCounts().toString());
        String prometheus = get("/metrics/prometheus");
        assertTrue(prometheus.contains("monitoring_internal_failures_total{source=\"logger\"}"), prometheus);
        assertTrue(get("/alerts").contains("raised by hand"));
        get("/metrics");
        get("/health");
    }
}
