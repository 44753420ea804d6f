package io.kmon.example.faults;

import static io.kmon.testing.KmonThreads.awaitNoNewKmonThreads;
import static io.kmon.testing.KmonThreads.kmonThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.http.KmonServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Kmon#close()} while calls through the generated {@code MonitoredFaulty} and scrapes
 * over HTTP are in flight: no exception reaches a caller, every scrape is answered before and
 * after, every call is counted, and once the exporter is closed too no kmon thread is left.
 */
class CloseInFlightTest {
    private static final List<String> PATHS = List.of("/metrics/prometheus", "/metrics", "/health", "/alerts");

    private volatile boolean stop;

    @Test
    void closeWhileCallsAndScrapesAreInFlight_reachesNoCallerAndLeavesNoThread() throws Exception {
        Set<Thread> before = kmonThreads();
        Kmon kmon = Kmon.builder()
                .sampleInterval(Duration.ofMillis(20))
                .ruleInterval(Duration.ofMillis(20))
                .healthTimeout(Duration.ofMillis(500))
                .build();
        AtomicLong sequence = new AtomicLong();
        ScriptedFaulty delegate = new ScriptedFaulty()
                .onCall(() -> {
                    if (sequence.incrementAndGet() % 3 == 0) {
                        throw new IOException("every third call fails");
                    }
                    return "ok";
                })
                .onLater(() -> CompletableFuture.supplyAsync(() -> "async"));
        Faulty proxy = MonitoredFaulty.wrap(delegate, kmon);
        KmonServer server = KmonServer.start(kmon, 0);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong calls = new AtomicLong();
        AtomicLong scrapes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                workers.add(pool.submit(() -> call(proxy, calls)));
            }
            for (int i = 0; i < 2; i++) {
                workers.add(pool.submit(() -> scrape(client, server.uri(), scrapes)));
            }
            awaitMore(calls, 2_000);
            awaitMore(scrapes, 20);

            kmon.close();

            awaitMore(calls, 2_000);
            awaitMore(scrapes, 20);
        } finally {
            stop = true;
            pool.shutdown();
        }
        for (Future<?> worker : workers) {
            worker.get(1, TimeUnit.MINUTES); // rethrows anything a caller or scraper saw
        }
        server.close();

        long recorded = kmon.snapshot().count("faults.calls", "component", "faulty", "method", "call")
                + kmon.snapshot().count("faults.calls", "component", "faulty", "method", "later");
        assertEquals(calls.get(), recorded, "every call counted, before and after close");
        assertEquals(Set.of(), awaitNoNewKmonThreads(before));
    }

    private Void call(Faulty proxy, AtomicLong calls) throws Exception {
        while (!stop) {
            try {
                assertEquals("ok", proxy.call());
            } catch (IOException expected) {
                // the delegate's own failure; anything else fails the test
            }
            assertEquals("async", proxy.later().get(10, TimeUnit.SECONDS));
            calls.addAndGet(2);
        }
        return null;
    }

    private Void scrape(HttpClient client, URI base, AtomicLong scrapes) throws Exception {
        for (int i = 0; !stop; i++) {
            String path = PATHS.get(i % PATHS.size());
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            assertTrue(
                    status == 200 || (path.equals("/health") && status == 503),
                    path + " " + status + " " + response.body());
            scrapes.incrementAndGet();
        }
        return null;
    }

    /** Waits (bounded) until {@code counter} has grown by {@code more}; fails the test otherwise. */
    private static void awaitMore(AtomicLong counter, long more) throws InterruptedException {
        LongSupplier now = counter::get;
        long target = now.getAsLong() + more;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (now.getAsLong() < target) {
            assertTrue(System.nanoTime() < deadline, "no progress: " + now.getAsLong() + " of " + target);
            Thread.sleep(5);
        }
    }
}
