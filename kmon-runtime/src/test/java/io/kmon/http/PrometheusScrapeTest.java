package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet seen through a real Prometheus: two kmon instances with different latency profiles,
 * scraped by Prometheus 2.42 once with native histograms (protobuf) and once without (classic
 * {@code _bucket} series from the text formats). Prometheus must add the two instances' timers
 * and answer {@code histogram_quantile(0.95, ...)} within 5% of the exact p95 of all samples.
 */
class PrometheusScrapeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A fast replica: 9,000 calls evenly from 1 to 10 ms. */
    private static final long[] FAST =
            LongStream.range(0, 9_000).map(i -> MS + i * 9 * MS / 9_000).toArray();
    /** A slow replica: 1,000 calls evenly from 50 to 500 ms. */
    private static final long[] SLOW =
            LongStream.range(0, 1_000).map(i -> 50 * MS + i * 450 * MS / 1_000).toArray();

    @Test
    void prometheus_addsTwoInstancesHistograms_p95WithinFivePercent(@TempDir Path nativeDir, @TempDir Path classicDir)
            throws Exception {
        String binary = ExternalTool.require("prometheus", "prometheus");
        double exact = exactP95Seconds();
        try (Kmon fast = Kmon.builder()
                        .backgroundThread(false)
                        .systemMetrics(false)
                        .build();
                Kmon slow = Kmon.builder()
                        .backgroundThread(false)
                        .systemMetrics(false)
                        .build();
                KmonServer fastServer = KmonServer.start(fast, 0);
                KmonServer slowServer = KmonServer.start(slow, 0)) {
            Arrays.stream(FAST).forEach(fast.timer("svc.latency")::record);
            Arrays.stream(SLOW).forEach(slow.timer("svc.latency")::record);
            List<KmonServer> targets = List.of(fastServer, slowServer);
            try (PrometheusProcess withNative =
                            PrometheusProcess.start(binary, nativeDir, targets, "--enable-feature=native-histograms");
                    PrometheusProcess withClassic = PrometheusProcess.start(binary, classicDir, targets)) {
                // Both instances scraped: every sample is in what Prometheus holds.
                int total = FAST.length + SLOW.length;
                awaitValue(withNative, "histogram_count(sum(svc_latency_seconds))", total);
                awaitValue(withClassic, "sum(svc_latency_seconds_count)", total);

                // The cumulative histograms are the increase since start. increase(...[1m]) would
                // be the same here but for Prometheus's extrapolation, which scales each young
                // series by its own factor (its scrapes started at different offsets), and so
                // weights the two instances unequally.
                OptionalDouble nativeP95 =
                        withNative.await("histogram_quantile(0.95, sum(svc_latency_seconds))", v -> true, DEADLINE);
                assertTrue(nativeP95.isPresent(), "no native p95\n" + withNative.log());
                assertEquals(
                        exact,
                        nativeP95.getAsDouble(),
                        exact * 0.05,
                        "native histogram p95 of both instances, exact " + exact);

                OptionalDouble classicP95 = withClassic.await(
                        "histogram_quantile(0.95, sum by (le) (svc_latency_seconds_bucket))", v -> true, DEADLINE);
                assertTrue(classicP95.isPresent(), "no classic p95\n" + withClassic.log());
                // The exact p95 (275 ms) lies in the default bucket (0.25, 0.5]; classic buckets
                // interpolate linearly inside it, so the answer lies in it too.
                assertTrue(
                        classicP95.getAsDouble() > 0.25 && classicP95.getAsDouble() <= 0.5,
                        "classic p95 " + classicP95.getAsDouble() + ", exact " + exact);
            }
        }
    }

    private static void awaitValue(PrometheusProcess prometheus, String query, double expected) throws Exception {
        OptionalDouble v = prometheus.await(query, x -> x == expected, DEADLINE);
        assertTrue(
                v.isPresent() && v.getAsDouble() == expected,
                query + " = " + v + ", expected " + expected + "\n" + prometheus.log());
    }

    private static double exactP95Seconds() {
        long[] all = LongStream.concat(Arrays.stream(FAST), Arrays.stream(SLOW))
                .sorted()
                .toArray();
        return all[(int) Math.ceil(0.95 * all.length) - 1] / 1e9;
    }
}
