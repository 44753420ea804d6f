package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmon.Kmon;
import io.kmon.alert.CardinalityRule;
import io.kmon.format.Json;
import io.kmon.metrics.MeterRegistry;
import io.kmon.testing.FakeClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A million distinct tag values, as a bug that tags by user id would send, seen from outside:
 * {@code /metrics} shows the overflow, {@code /metrics/prometheus} carries the cap plus one
 * overflow series, and {@code /alerts} has exactly one cardinality WARNING.
 */
class CardinalityFloodTest {
    private static final int CAP = 100;
    private static final int FLOOD = 1_000_000;

    private final Kmon kmon = Kmon.builder()
            .clock(new FakeClock())
            .backgroundThread(false)
            .systemMetrics(false)
            .maxSeriesPerName(CAP)
            .build();
    private final KmonServer server = KmonServer.start(kmon, 0);

    @AfterEach
    void stop() {
        server.close();
        kmon.close();
    }

    @Test
    void millionDistinctTagValues_areBoundedByTheCapAndShownInEveryEndpoint() throws Exception {
        for (int i = 0; i < FLOOD; i++) {
            kmon.counter("user.login", "user", "u" + i).increment();
        }
        kmon.checkAlertsNow();
        kmon.checkAlertsNow(); // still over the cap: no second alert within the cooldown

        JsonNode metrics = Json.mapper().readTree(ok("/metrics").body()).get("monitoring");
        assertEquals(
                FLOOD - CAP,
                metrics.get("overflow").get("user.login").asLong(),
                metrics.get("overflow").toString());

        String prometheus = ok("/metrics/prometheus").body();
        long series = prometheus
                .lines()
                .filter(l -> l.startsWith("user_login_total{"))
                .count();
        assertEquals(CAP + 1, series, "the cap, plus the one overflow series");
        assertTrue(
                prometheus.contains("user_login_total{" + MeterRegistry.OVERFLOW_TAG + "=\"true\"} " + (FLOOD - CAP)),
                "nothing lost: the folded increments are in the overflow series");

        JsonNode alerts = Json.mapper().readTree(ok("/alerts").body()).get("alerts");
        long cardinality = 0;
        for (JsonNode alert : alerts) {
            if (alert.get("rule").asText().equals(CardinalityRule.NAME)) {
                cardinality++;
                assertEquals("warning", alert.get("level").asText());
            }
        }
        assertEquals(1, cardinality, alerts.toString());
    }

    private HttpResponse<String> ok(String path) throws Exception {
        HttpResponse<String> response = Http.get(server, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response;
    }
}
