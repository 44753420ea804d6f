package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.example.catalog.CatalogConnectivityCheck;
import io.kmon.example.catalog.InMemoryMediaCatalog;
import io.kmon.example.catalog.MediaCatalog;
import io.kmon.example.catalog.MonitoredMediaCatalog;
import io.kmon.example.catalog.SimulatedLink;
import io.kmon.example.demo.DemoTraffic;
import io.kmon.example.tools.CatalogMediaTools;
import io.kmon.example.tools.MediaToolDefinitions;
import io.kmon.example.tools.MediaTools;
import io.kmon.example.tools.ToolDispatcher;
import io.kmon.health.HealthRegistry;
import io.kmon.http.KmonServer;
import io.kmon.mcp.KmonMcp;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The soak: {@code soak.threads} (8) callers drive the example's real tools (the demo's mix of
 * successes, missing entries, bad arguments, dropped connections and rejected sessions) through
 * kmon-mcp's tools and the generated {@code MonitoredMediaCatalog} for
 * {@code soak.minutes} (10), while a scraper reads {@code /metrics/prometheus} every second.
 * It checks that no scrape fails, no counter ever decreases or vanishes, the final counts equal
 * the calls made exactly (the callers' own tally for {@code tool.*}, a counting delegate for
 * {@code api.*}), no kmon exception reaches a caller, and the heap after a full GC stays flat.
 *
 * <p>Not in the default build: {@code mvn -B -Psoak -pl kmon-example -am verify -Dsoak.minutes=10}.
 * Every minute it runs {@code System.gc()} and samples the heap used after it; the figures go to
 * {@code target/soak-report.md} and standard output.
 *
 * <p>kmon is set up to reach every bound early: series sampled every second and kept two
 * minutes, a two-minute timer window, rules every five seconds. After two minutes every ring
 * and window is full, so any later growth of the heap is a leak. Callers pause 1 ms after every
 * {@code soak.batch} (10) calls so that the soak leaves CPU to the scraper and to other work on
 * the machine; {@code -Dsoak.batch=0} runs them flat out.
 */
class ExampleSoak {
    private static final long MIB = 1024 * 1024;
    /** Rings and windows are full after this; the heap must not grow after it. */
    private static final int WARM_MINUTES = 2;
    /** Allowed growth of the heap after a full GC from the warm baseline to any later minute. */
    private static final long HEAP_SLACK = 16 * MIB;
    /** Tool name to kmon's {@code method} tag: kmon-mcp tags a tool by its name. */
    private static final Map<String, String> METHODS = Map.of(
            MediaToolDefinitions.SEARCH_MEDIA, MediaToolDefinitions.SEARCH_MEDIA,
            MediaToolDefinitions.GET_MEDIA, MediaToolDefinitions.GET_MEDIA,
            MediaToolDefinitions.LIST_CATEGORIES, MediaToolDefinitions.LIST_CATEGORIES,
            MediaToolDefinitions.GET_PLAYBACK_URL, MediaToolDefinitions.GET_PLAYBACK_URL,
            MediaToolDefinitions.UPDATE_METADATA, MediaToolDefinitions.UPDATE_METADATA);

    private final double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
    private final int threads = Integer.getInteger("soak.threads", 8);
    private final int batch = Integer.getInteger("soak.batch", 10);
    private final Path report = Path.of(System.getProperty("soak.report", "target/soak-report.md"));

    private final ConcurrentHashMap<String, LongAdder> toolCalls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> toolErrors = new ConcurrentHashMap<>();
    private final LongAdder internalErrors = new LongAdder();

    @Test
    void callersAndAScraper_forMinutes_loseNothingAndKeepTheHeapFlat() throws Exception {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        Kmon kmon = Kmon.builder()
                .sampleInterval(Duration.ofSeconds(1))
                .seriesRetention(Duration.ofMinutes(2))
                .window(Duration.ofMinutes(2))
                .ruleInterval(Duration.ofSeconds(5))
                .build();
        SimulatedLink link = new SimulatedLink(delay -> {}); // a "slow" call costs no wall time
        CountingCatalog counted = new CountingCatalog(new InMemoryMediaCatalog(link, Clock.systemUTC()));
        MediaCatalog api = MonitoredMediaCatalog.wrap(counted, kmon);
        MediaTools tools = new CatalogMediaTools(api);
        kmon.health()
                .register(
                        CatalogConnectivityCheck.NAME,
                        new CatalogConnectivityCheck(api),
                        EnumSet.of(HealthRegistry.Probe.READINESS),
                        true);
        ToolDispatcher dispatcher = new ToolDispatcher(
                MediaToolDefinitions.bind(tools, json),
                json,
                KmonMcp.instrument(kmon).slowCall(Duration.ofMillis(MediaTools.SLOW_MILLIS)));
        KmonServer server = KmonServer.start(kmon, 0);
        ScrapeWatch scraper = new ScrapeWatch(server.uri().resolve("/metrics/prometheus"));
        ScheduledExecutorService scraping = Executors.newSingleThreadScheduledExecutor();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        List<String> minuteRows = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        long startNanos = System.nanoTime();
        long deadline = startNanos + (long) (minutes * 60e9);
        try {
            heap.add(heapAfterFullGc()); // minute 0: before any traffic
            minuteRows.add(row(0, 0, scraper, heap.get(0)));
            scraping.scheduleAtFixedRate(scraper::scrapeOnce, 0, 1, TimeUnit.SECONDS);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                DemoTraffic traffic = new DemoTraffic(dispatcher, link, new Random(1_000 + t), ms -> {});
                results.add(callers.submit(() -> drive(traffic, deadline)));
            }
            for (int minute = 1; System.nanoTime() < deadline; minute++) {
                long next = startNanos + TimeUnit.MINUTES.toNanos(minute);
                sleepUntil(Math.min(next, deadline));
                if (System.nanoTime() >= next) {
                    heap.add(heapAfterFullGc());
                    minuteRows.add(row(minute, total(toolCalls), scraper, heap.get(heap.size() - 1)));
                }
            }
            long steps = 0;
            for (Future<Long> result : results) {
                steps += result.get(1, TimeUnit.MINUTES); // rethrows anything that reached a caller
            }
            scraping.shutdown();
            assertTrue(scraping.awaitTermination(1, TimeUnit.MINUTES));
            scraper.scrapeOnce(); // the final counts, over HTTP
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            write(kmon, counted, scraper, minuteRows, heap, steps, seconds);

            assertEquals(steps, total(toolCalls));
            assertEquals(0, internalErrors.sum(), "no tool call failed inside kmon or the dispatcher");
            assertEquals(0, scraper.failed(), "failed scrapes: " + scraper.failures());
            assertEquals(
                    0, scraper.decreased(), "cumulative samples that decreased or vanished: " + scraper.decreases());
            assertExactCounts(kmon.snapshot(), counted, scraper.lastText());
            assertHeapFlat(heap);
        } finally {
            callers.shutdownNow();
            scraping.shutdownNow();
            server.close();
            kmon.close();
        }
    }

    /** One caller: steps its own demo traffic until the deadline; returns how many calls it made. */
    private long drive(DemoTraffic traffic, long deadline) {
        long n = 0;
        while (System.nanoTime() < deadline) {
            DemoTraffic.Step step = traffic.step();
            String method = METHODS.get(step.tool());
            toolCalls.computeIfAbsent(method, m -> new LongAdder()).increment();
            if (step.result().isError()) {
                toolErrors.computeIfAbsent(method, m -> new LongAdder()).increment();
                if (text(step.result()).startsWith("Internal error")) {
                    internalErrors.increment(); // a RuntimeException the dispatcher caught: none expected
                }
            }
            n++;
            if (batch > 0 && n % batch == 0) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return n;
    }

    private void assertExactCounts(MetricsSnapshot s, CountingCatalog counted, PrometheusText scraped) {
        String tools = "mcp_tools";
        for (String method : METHODS.values()) {
            long calls = sum(toolCalls, method);
            long errors = sum(toolErrors, method);
            assertEquals(calls, s.count("mcp.tool.calls", "component", tools, "method", method), method);
            assertEquals(calls - errors, s.count("mcp.tool.successes", "component", tools, "method", method), method);
            assertEquals(errors, s.sum("mcp.tool.errors", "component", tools, "method", method), method);
            assertEquals(calls, s.count("mcp.tool.duration", "component", tools, "method", method), method);
            assertEquals(
                    (double) calls, scraped.sum("mcp_tool_calls_total", "component", tools, "method", method), method);
            assertEquals(
                    (double) errors,
                    scraped.sum("mcp_tool_errors_total", "component", tools, "method", method),
                    method);
            assertEquals(
                    (double) calls,
                    scraped.sum("mcp_server_operation_duration_seconds_count", "gen_ai_tool_name", method),
                    method);
            assertEquals(
                    (double) errors,
                    scraped.sum(
                            "mcp_server_operation_duration_seconds_count",
                            "gen_ai_tool_name",
                            method,
                            "error_type",
                            "tool_error"),
                    method);
        }
        long apiErrors = 0;
        for (Map.Entry<String, Long> e : counted.calls().entrySet()) {
            String method = e.getKey();
            long errors = counted.errors().getOrDefault(method, 0L);
            apiErrors += errors;
            assertEquals(e.getValue(), s.count("api.calls", "component", "media_api", "method", method), method);
            assertEquals(errors, s.sum("api.errors", "component", "media_api", "method", method), method);
            assertEquals(
                    (double) e.getValue(),
                    scraped.sum("api_calls_total", "component", "media_api", "method", method),
                    method);
        }
        assertEquals(
                total(toolErrors) + apiErrors, s.count(MetricNames.ERRORS_COUNT), "errors.count is every failed call");
    }

    private void assertHeapFlat(List<Long> heap) {
        if (heap.size() <= WARM_MINUTES + 1) {
            System.out.println("soak: too short to judge the heap (" + heap.size() + " samples)");
            return;
        }
        long baseline = heap.get(WARM_MINUTES);
        long highest = heap.subList(WARM_MINUTES, heap.size()).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElseThrow();
        assertTrue(
                highest - baseline <= HEAP_SLACK,
                String.format(
                        Locale.ROOT,
                        "heap after full GC grew from %.1f MiB at minute %d to %.1f MiB: %s",
                        baseline / (double) MIB,
                        WARM_MINUTES,
                        highest / (double) MIB,
                        heap));
    }

    /**
     * The heap in use right after a full collection: the sum over heap pools of their usage
     * after the last collection, so that what the callers allocate since does not count.
     */
    static long heapAfterFullGc() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }

    private static String row(int minute, long calls, ScrapeWatch scraper, long heap) {
        return String.format(
                Locale.ROOT,
                "| %d | %,d | %,d | %d | %.1f | %.2f |",
                minute,
                calls,
                scraper.scrapes(),
                scraper.failed(),
                heap / (double) MIB,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void write(
            Kmon kmon,
            CountingCatalog counted,
            ScrapeWatch scraper,
            List<String> minuteRows,
            List<Long> heap,
            long steps,
            double seconds)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "# kmon soak: %d threads, %.1f minutes, batch %d%n%n", threads, minutes, batch));
        out.append(String.format(
                Locale.ROOT,
                "- tool calls: %,d (%,.0f/s); of them failed: %,d%n",
                steps,
                steps / seconds,
                total(toolErrors)));
        out.append(String.format(
                Locale.ROOT,
                "- api calls: %,d; failed: %,d%n",
                counted.calls().values().stream().mapToLong(Long::longValue).sum(),
                counted.errors().values().stream().mapToLong(Long::longValue).sum()));
        out.append(String.format(
                Locale.ROOT,
                "- scrapes: %,d, failed: %d, cumulative samples tracked: %d, decreased or" + " vanished: %d%n",
                scraper.scrapes(),
                scraper.failed(),
                scraper.tracked(),
                scraper.decreased()));
        out.append(String.format(
                Locale.ROOT,
                "- scrape latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                scraper.latencyMillis(0.5),
                scraper.latencyMillis(0.99),
                scraper.latencyMillis(1.0)));
        out.append(String.format(
                Locale.ROOT,
                "- alerts raised: %d; kmon internal failures: %s; series kept: %d%n",
                kmon.alerts().total(),
                kmon.internalFailureCounts(),
                kmon.seriesNames().size()));
        out.append(String.format(
                Locale.ROOT,
                "- tool calls by method: %s%n- tool errors by method: %s%n",
                sums(toolCalls),
                sums(toolErrors)));
        out.append(String.format(
                Locale.ROOT,
                "- heap after full GC (MiB) by minute: %s%n%n",
                heap.stream()
                        .map(h -> String.format(Locale.ROOT, "%.1f", h / (double) MIB))
                        .toList()));
        out.append("| minute | tool calls so far | scrapes | failed | heap after GC (MiB) | load average |\n");
        out.append("|---|---|---|---|---|---|\n");
        minuteRows.forEach(r -> out.append(r).append('\n'));
        System.out.print(out);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, out);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static long sum(Map<String, LongAdder> adders, String key) {
        LongAdder n = adders.get(key);
        return n == null ? 0 : n.sum();
    }

    private static long total(Map<String, LongAdder> adders) {
        return adders.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, n) -> out.put(k, n.sum()));
        return out;
    }
}
