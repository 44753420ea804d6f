package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.format.Json;
import io.kmon.internal.MethodMonitor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Concurrent scrapes while calls are being recorded. */
class ConcurrencyTest {
    private static final Pattern CALLS =
            Pattern.compile("api_calls_total\\{component=\"Load\",method=\"work\"} ([0-9.E]+)");

    @Test
    void twoHundredConcurrentRequests_allAnswerCorrectly_whileCallsAreRecorded() throws Exception {
        try (Kmon kmon = Kmon.builder().backgroundThread(false).build();
                KmonServer server = KmonServer.builder(kmon).threads(4).start()) {
            MethodMonitor work = kmon.component("Load", "api").method("work", 0, AlertLevel.WARNING);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong recorded = new AtomicLong();
            Thread caller = new Thread(
                    () -> {
                        while (running.get()) {
                            recorded.incrementAndGet(); // first, so a scrape never sees more calls than this
                            work.success(1_000_000);
                        }
                    },
                    "recorder");
            caller.start();
            try {
                while (recorded.get() < 2) { // the recorder is running: the first scrape has calls to see
                    Thread.onSpinWait();
                }
                String[] paths = {"/metrics/prometheus", "/metrics", "/", "/metrics/series?name=api.calls"};
                List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(paths[i % paths.length]))
                            .timeout(Duration.ofSeconds(60))
                            .build();
                    futures.add(Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                }
                for (int i = 0; i < futures.size(); i++) {
                    HttpResponse<String> r = futures.get(i).join();
                    assertEquals(200, r.statusCode(), paths[i % paths.length]);
                    if (i % paths.length == 0) {
                        Matcher m = CALLS.matcher(r.body());
                        assertTrue(m.find(), r.body());
                        long seen = (long) Double.parseDouble(m.group(1));
                        assertTrue(seen > 0 && seen <= recorded.get(), seen + " of " + recorded.get());
                    } else if (i % paths.length == 1) {
                        assertTrue(Json.mapper().readTree(r.body()).has("monitoring"), r.body());
                    }
                }
                assertEquals(0, server.rejectedRequests());
            } finally {
                running.set(false);
                caller.join();
            }
            assertEquals(recorded.get(), kmon.snapshot().count("api.calls", "component", "Load", "method", "work"));
        }
    }
}
