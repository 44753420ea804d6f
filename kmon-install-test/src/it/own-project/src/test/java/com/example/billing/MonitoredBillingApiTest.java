package com.example.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.http.KmonServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated wrapper, compiled by this project's own build with the installed processor. */
class MonitoredBillingApiTest {
    private static final Map<String, List<String>> INVOICES = Map.of(
            "/invoices/a1", List.of("a1,1200,true"),
            "/invoices?paid=false", List.of("b2,500,false", "c3,700,false"));

    @Test
    void wrappedCalls_areCountedAndServed() throws Exception {
        try (Kmon kmon = Kmon.create()) {
            BillingApi api = MonitoredBillingApi.wrap(new HttpBillingApi(path -> INVOICES.getOrDefault(path, List.of())), kmon);

            assertEquals(new Invoice("a1", 1200, true), api.invoice("a1"));
            assertEquals(2, api.unpaid(10).size());
            IOException missing = assertThrows(IOException.class, () -> api.invoice("zz"));
            assertEquals("no invoice zz", missing.getMessage());

            assertEquals(1, kmon.snapshot().count("api.successes", "component", "billing_api", "method", "invoice"));
            assertEquals(1, kmon.snapshot().count("api.errors", "component", "billing_api", "method", "invoice",
                    "error_type", "IOException"));

            try (KmonServer server = KmonServer.start(kmon, 0)) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(server.uri().resolve("/metrics/prometheus"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("api_calls_total{component=\"billing_api\",method=\"invoice\"} 2.0"),
                        metrics.body());
            }
        }
    }
}
