package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kmon.Kmon;
import io.kmon.format.Json;
import io.kmon.testing.FakeClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional bearer token over a real port. */
class AuthTest {
    private static final String TOKEN = "t0k3n-for-tests";
    private Kmon kmon;
    private KmonServer server;

    @BeforeEach
    void start() {
        kmon = Fixtures.kmon(new FakeClock());
        server = KmonServer.builder(kmon)
                .bearerToken(TOKEN)
                .healthCacheTime(java.time.Duration.ZERO)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        kmon.close();
    }

    @Test
    void dataEndpoints_withoutOrWithWrongToken_are401Json() throws Exception {
        for (String path : new String[] {
            "/metrics",
            "/metrics/prometheus",
            "/metrics/series?name=a",
            "/health",
            "/health/ready",
            "/alerts",
            "/errors"
        }) {
            for (String[] headers :
                    new String[][] {{}, {"Authorization", "Bearer wrong"}, {"Authorization", "Basic " + TOKEN}}) {
                HttpResponse<String> r = Http.get(server, path, headers);
                assertEquals(401, r.statusCode(), path);
                assertEquals(
                        Response.JSON, r.headers().firstValue("Content-Type").orElse(null));
                assertEquals(
                        "Bearer realm=\"kmon\"",
                        r.headers().firstValue("WWW-Authenticate").orElse(null));
                assertEquals(
                        "Unauthorized",
                        Json.mapper().readTree(r.body()).get("error").asText());
            }
        }
    }

    @Test
    void rightToken_isServed() throws Exception {
        assertEquals(
                200,
                Http.get(server, "/metrics", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(
                200,
                Http.get(server, "/metrics/prometheus", "Authorization", "Bearer " + TOKEN)
                        .statusCode());
    }

    @Test
    void dashboardFilesAndLiveness_stayOpen() throws Exception {
        assertEquals(200, Http.get(server, "/").statusCode());
        assertEquals(200, Http.get(server, "/dashboard.css").statusCode());
        assertEquals(200, Http.get(server, "/dashboard.js").statusCode());
        assertEquals(200, Http.get(server, "/health/live").statusCode());
    }

    @Test
    void openLivenessWithoutTheToken_showsTheStatusOnly() throws Exception {
        kmon.health()
                .registerLiveness(
                        "db_pool",
                        () -> io.kmon.health.HealthResult.degraded(java.util.Map.of("secret", "jdbc://internal")));
        HttpResponse<String> anonymous = Http.get(server, "/health/live");
        assertEquals(200, anonymous.statusCode());
        assertEquals("{\"status\":\"degraded\"}", anonymous.body());
        HttpResponse<String> withToken = Http.get(server, "/health/live", "Authorization", "Bearer " + TOKEN);
        assertEquals(
                "degraded",
                Json.mapper()
                        .readTree(withToken.body())
                        .get("checks")
                        .get("db_pool")
                        .get("status")
                        .asText(),
                withToken.body());
    }

    @Test
    void protectedLiveness_needsTheTokenToo() throws Exception {
        try (KmonServer strict = KmonServer.builder(kmon)
                .bearerToken(TOKEN)
                .protectLiveness(true)
                .start()) {
            assertEquals(401, Http.get(strict, "/health/live").statusCode());
            assertEquals(
                    200,
                    Http.get(strict, "/health/live", "Authorization", "Bearer " + TOKEN)
                            .statusCode());
        }
    }

    @Test
    void unknownPath_is404_evenWithoutToken() throws Exception {
        assertEquals(404, Http.get(server, "/secret").statusCode());
    }
}
