package io.kmon.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.metrics.CumulativeBuckets;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterSnapshot.TimerSnapshot;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one-line OTLP push against a real loopback receiver, decoded by the official OTLP classes. */
class OtlpExportTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long MS = 1_000_000L;

    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private final OtlpReceiver receiver = new OtlpReceiver();
    private OtlpExport export;

    @AfterEach
    void stop() {
        if (export != null) {
            export.close();
        }
        receiver.close();
        kmon.close();
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
        env.put("OTEL_METRIC_EXPORT_INTERVAL", "3600000"); // exports come from flush() and close()
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private OtlpExport start(Map<String, String> env) {
        Optional<OtlpExport> started = KmonOtel.start(kmon, "kmon-otel-test", env);
        assertTrue(started.isPresent(), "export not started; failures " + kmon.internalFailureCounts());
        export = started.get();
        return export;
    }

    @Test
    void countersGaugesAndTimers_arriveAsKmonHasThem() throws Exception {
        kmon.counter("orders.placed", "region", "eu").increment(7);
        kmon.counter("orders.placed", "region", "us").increment(3);
        kmon.gauge("queue.depth").set(42.5);
        kmon.gauge("queue.unset"); // NaN: no reading, no point
        var timer = kmon.timer("db.query", "table", "users");
        timer.record(5); // 5 ns
        timer.record(MS); // 1 ms, three times
        timer.record(MS);
        timer.record(MS);
        timer.record(250 * MS); // 2^-2 s exactly: on a bucket's upper bound, twice
        timer.record(250 * MS);
        timer.record(1_000 * MS); // 1 s exactly

        start(env(
                "OTEL_SERVICE_NAME",
                "orders",
                "OTEL_RESOURCE_ATTRIBUTES",
                "deployment.environment.name=test",
                "OTEL_EXPORTER_OTLP_HEADERS",
                "x-api-key=secret"));
        assertTrue(export.flush());
        OtlpReceiver.Export got = receiver.exports().get(receiver.exports().size() - 1);

        assertEquals("application/x-protobuf", got.contentType());
        assertEquals("", got.contentEncoding());
        assertEquals("secret", got.headers().get("x-api-key"));
        assertEquals("orders", got.resourceAttribute("service.name"));
        assertEquals("test", got.resourceAttribute("deployment.environment.name"));
        assertEquals(
                KmonMetricProducer.SCOPE_NAME, got.scopes().get(0).getScope().getName());

        long start = kmon.startMillis() * MS;
        Metric orders = got.metric("orders.placed").orElseThrow();
        assertTrue(orders.hasSum());
        assertTrue(orders.getSum().getIsMonotonic());
        assertEquals(
                AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
                orders.getSum().getAggregationTemporality());
        Map<String, Long> byRegion = new TreeMap<>();
        for (NumberDataPoint p : orders.getSum().getDataPointsList()) {
            byRegion.put(OtlpReceiver.attribute(p.getAttributesList(), "region"), p.getAsInt());
            assertEquals(start, p.getStartTimeUnixNano());
            assertTrue(p.getTimeUnixNano() >= start);
        }
        assertEquals(Map.of("eu", 7L, "us", 3L), byRegion);

        Metric depth = got.metric("queue.depth").orElseThrow();
        assertTrue(depth.hasGauge());
        assertEquals(42.5, depth.getGauge().getDataPoints(0).getAsDouble());
        assertFalse(got.metric("queue.unset").isPresent());

        Metric query = got.metric("db.query").orElseThrow();
        assertEquals("s", query.getUnit());
        assertTrue(query.hasExponentialHistogram());
        assertEquals(
                AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
                query.getExponentialHistogram().getAggregationTemporality());
        ExponentialHistogramDataPoint p = query.getExponentialHistogram().getDataPoints(0);
        assertEquals("users", OtlpReceiver.attribute(p.getAttributesList(), "table"));
        assertEquals(4, p.getScale());
        assertEquals(7, p.getCount());
        assertEquals(0, p.getZeroCount());
        assertEquals((5 + 3 * MS + 500 * MS + 1_000 * MS) / 1e9, p.getSum());
        assertEquals(0, p.getNegative().getBucketCountsCount());

        // OTLP bucket j holds (2^(j/16), 2^((j+1)/16)] s: 1 s is in j = -1, 0.25 s in j = -33,
        // 1 ms (16 log2 0.001 = -159.5) in j = -160, 5 ns (16 log2 5e-9 = -441.4) in j = -442.
        Map<Integer, Long> otlp = sparse(p);
        assertEquals(Map.of(-442, 1L, -160, 3L, -33, 2L, -1, 1L), otlp);
        // ... and they are kmon's own buckets, one index lower.
        TimerSnapshot own = (TimerSnapshot)
                kmon.snapshot().find(MeterId.of("db.query", "table", "users")).orElseThrow();
        CumulativeBuckets buckets = own.buckets();
        Map<Integer, Long> kmonShifted = new TreeMap<>();
        for (int k = 0; k < buckets.size(); k++) {
            kmonShifted.put(buckets.gridIndex(k) - 1, buckets.count(k));
        }
        assertEquals(kmonShifted, otlp);
        assertEquals(buckets.gridIndex(0) - 1, p.getPositive().getOffset());
    }

    /** The non-empty buckets of a point, by OTLP index. */
    private static Map<Integer, Long> sparse(ExponentialHistogramDataPoint p) {
        Map<Integer, Long> out = new TreeMap<>();
        int offset = p.getPositive().getOffset();
        for (int i = 0; i < p.getPositive().getBucketCountsCount(); i++) {
            long n = p.getPositive().getBucketCounts(i);
            if (n != 0) {
                out.put(offset + i, n);
            }
        }
        return out;
    }

    @Test
    void gzip_whenAsked() throws Exception {
        kmon.counter("orders.placed").increment(4);
        start(env("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"));
        assertTrue(export.flush());
        OtlpReceiver.Export got = receiver.exports().get(0);
        assertEquals("gzip", got.contentEncoding());
        assertEquals(
                4,
                got.metric("orders.placed")
                        .orElseThrow()
                        .getSum()
                        .getDataPoints(0)
                        .getAsInt());
        assertEquals("kmon-otel-test", got.resourceAttribute("service.name"));
    }

    @Test
    void periodicExports_areCumulative() throws Exception {
        var counter = kmon.counter("orders.placed");
        counter.increment(5);
        start(env("OTEL_METRIC_EXPORT_INTERVAL", "100"));
        receiver.await(e -> ordersPlaced(e) == 5, WAIT);
        counter.increment(2);
        receiver.await(e -> ordersPlaced(e) == 7, WAIT);
        for (OtlpReceiver.Export e : receiver.exports()) {
            long n = ordersPlaced(e);
            assertTrue(n == 5 || n == 7, "a cumulative total is one of the totals reached: " + n);
        }
    }

    private static long ordersPlaced(OtlpReceiver.Export e) {
        return e.metric("orders.placed")
                .map(m -> m.getSum().getDataPoints(0).getAsInt())
                .orElse(-1L);
    }

    @Test
    void close_exportsTheLastCounts() {
        var counter = kmon.counter("orders.placed");
        start(env());
        counter.increment(9);
        export.close();
        export.close(); // once is enough; a second close does nothing
        assertEquals(1, receiver.exports().size());
        assertEquals(9, ordersPlaced(receiver.exports().get(0)));
    }

    @Test
    void noEndpoint_startsNothing() {
        assertEquals(Optional.empty(), KmonOtel.start(kmon, "x", Map.of("OTEL_SERVICE_NAME", "orders")));
        assertEquals(Optional.empty(), KmonOtel.start(kmon, "x", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")));
        assertEquals(Optional.empty(), KmonOtel.start(kmon, "x", env("OTEL_SDK_DISABLED", "true")));
        assertTrue(receiver.exports().isEmpty());
    }

    @Test
    void refusedConfiguration_isLoggedAndStartsNothing() {
        // gRPC needs a sender kmon-otel leaves out (OkHttp or grpc-java).
        assertEquals(Optional.empty(), KmonOtel.start(kmon, "x", env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")));
        assertEquals(Optional.empty(), KmonOtel.start(kmon, "x", env("OTEL_EXPORTER_OTLP_HEADERS", "no-equals-sign")));
        assertEquals(2L, kmon.internalFailureCounts().get("otel"));
    }
}
