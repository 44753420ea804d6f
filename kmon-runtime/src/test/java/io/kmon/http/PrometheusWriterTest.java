package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.annotations.MetricNaming;
import io.kmon.format.PrometheusNames;
import io.kmon.format.PrometheusText;
import io.kmon.format.TimerExport;
import io.kmon.metrics.MeterRegistry;
import io.kmon.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {
    private final FakeClock clock = new FakeClock();

    private String text(Kmon kmon, String accept) {
        PrometheusText.Output out = PrometheusEndpoint.write(kmon.snapshot(), accept);
        return new String(out.body(), StandardCharsets.UTF_8);
    }

    @Test
    void architectureNames_areExposed() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            String t = text(kmon, null);
            assertTrue(t.contains("api_calls_total{component=\"Orders\",method=\"find\"} 10"), t);
            assertTrue(t.contains("api_successes_total{component=\"Orders\",method=\"find\"} 9"), t);
            assertTrue(
                    t.contains("api_errors_total{component=\"Orders\",error_type=\"IOException\",method=\"find\"} 1"),
                    t);
            assertTrue(t.contains("errors_count_total 1"), t);
            assertTrue(t.contains("# TYPE api_duration_seconds histogram"), t);
            assertTrue(t.contains("api_duration_seconds_count{component=\"Orders\",method=\"find\"} 10"), t);
            assertTrue(t.contains("api_duration_seconds_sum{component=\"Orders\",method=\"find\"} 0.65"), t);
            assertTrue(t.contains("kmon_calls_total{component=\"Billing\",method=\"cancel\"} 2"), t);
            assertTrue(t.contains("sessions_active 3"), t);
            assertTrue(t.contains("db_query_seconds_count{table=\"users\"} 1"), t);
        }
    }

    /** The processor's rules and dashboards query these names: the exporter must write exactly them. */
    @Test
    void sharedNaming_isWhatTheExporterWrites() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            String t = text(kmon, null);
            String labels = "{" + MetricNaming.COMPONENT + "=\"Orders\"," + MetricNaming.METHOD + "=\"find\"";
            assertTrue(t.contains(MetricNaming.counterSample("api" + MetricNaming.CALLS) + labels + "}"), t);
            assertTrue(t.contains(MetricNaming.counterSample("api" + MetricNaming.SUCCESSES) + labels + "}"), t);
            assertTrue(
                    t.contains(MetricNaming.counterSample("api" + MetricNaming.ERRORS) + "{" + MetricNaming.COMPONENT
                            + "=\"Orders\"," + MetricNaming.ERROR_TYPE + "=\"IOException\","),
                    t);
            assertTrue(t.contains(MetricNaming.counterSample(MetricNaming.ERRORS_COUNT) + " 1"), t);
            String family = MetricNaming.timerFamily("api" + MetricNaming.DURATION);
            assertTrue(
                    t.contains("# HELP " + family + " "
                            + MetricNaming.methodHelp(MetricNaming.DURATION_HELP, "api" + MetricNaming.DURATION)),
                    t);
            assertTrue(t.contains(family + "_count" + labels + "}"), t);
            for (double bound : MetricNaming.defaultBoundariesSeconds()) {
                assertTrue(
                        t.contains(family + "_bucket" + labels + "," + MetricNaming.LE + "=\""
                                + MetricNaming.leLabel(bound) + "\"}"),
                        bound + "\n" + t);
            }
        }
    }

    @Test
    void summaries_whenAsked_quantilesComeFromTheWindow_withinItsError() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            String t = new String(
                    PrometheusEndpoint.write(kmon.snapshot(), null, TimerExport.summaries())
                            .body(),
                    StandardCharsets.UTF_8);
            assertTrue(t.contains("# TYPE api_duration_seconds summary"), t);
            assertFalse(t.contains("_bucket"), t);
            // 9 samples 10..90 ms and 200 ms: p50 = 50 ms, p95 = p99 = 200 ms (max), within 2.17%
            assertQuantile(t, "0.5", 0.050);
            assertQuantile(t, "0.95", 0.200);
            assertQuantile(t, "0.99", 0.200);
        }
    }

    private static void assertQuantile(String text, String q, double expected) {
        Matcher m = Pattern.compile("api_duration_seconds\\{component=\"Orders\",method=\"find\",quantile=\""
                        + Pattern.quote(q) + "\"} ([0-9.eE-]+)")
                .matcher(text);
        assertTrue(m.find(), "quantile " + q + " in\n" + text);
        double v = Double.parseDouble(m.group(1));
        assertEquals(expected, v, expected * 0.0217, "quantile " + q);
    }

    @Test
    void emptyWindow_omitsQuantiles_keepsCumulativeCountSumAndBuckets() {
        try (Kmon kmon = Kmon.builder()
                .clock(clock)
                .backgroundThread(false)
                .window(Duration.ofMinutes(1))
                .build()) {
            kmon.timer("db.query").record(1_000_000);
            clock.advance(Duration.ofMinutes(5));
            String summary = new String(
                    PrometheusEndpoint.write(kmon.snapshot(), null, TimerExport.summaries())
                            .body(),
                    StandardCharsets.UTF_8);
            assertFalse(summary.contains("quantile="), summary);
            assertTrue(summary.contains("db_query_seconds_count 1"), summary);
            assertTrue(summary.contains("db_query_seconds_sum 0.001"), summary);
            String t = text(kmon, null);
            assertTrue(t.contains("db_query_seconds_count 1"), t);
            assertTrue(t.contains("db_query_seconds_sum 0.001"), t);
            assertTrue(t.contains("db_query_seconds_bucket{le=\"9.765625E-4\"} 0"), t);
            assertTrue(t.contains("db_query_seconds_bucket{le=\"0.001953125\"} 1"), t);
        }
    }

    @Test
    void dottedNamesAndTagKeys_exportWithUnderscores() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            kmon.counter("mcp.requests", "mcp.method.name", "tools/call").increment();
            String t = text(kmon, null);
            assertTrue(t.contains("mcp_requests_total{mcp_method_name=\"tools/call\"} 1"), t);
        }
    }

    @Test
    void histogramBuckets_countExactly_atGridBoundaries() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            var timer = kmon.timer("t");
            long[] values = {
                1,
                999,
                61_035,
                61_036,
                1_000_000,
                249_999_999,
                250_000_000,
                250_000_001,
                1_000_000_000,
                16_000_000_000L,
                17_000_000_000L,
                3_600_000_000_000L
            };
            for (long v : values) {
                timer.record(v);
            }
            String t = text(kmon, null);
            for (double le : TimerExport.defaultBoundariesSeconds()) {
                long exact = Arrays.stream(values).filter(v -> v <= le * 1e9).count();
                assertBucket(t, "t_seconds", Double.toString(le), exact);
            }
            assertBucket(t, "t_seconds", "+Inf", values.length);
            assertTrue(t.contains("t_seconds_count " + values.length), t);
        }
    }

    @Test
    void configuredBoundaries_moveOntoTheGrid() {
        TimerExport export = TimerExport.histograms(0.001, 0.25, 0.001);
        double[] bounds = export.classicUpperBounds();
        assertEquals(3, bounds.length, "deduplicated, +Inf added");
        assertEquals(Math.pow(2, -159 / 16.0), bounds[0], 1e-15, "1 ms moves to 2^(-159/16) s");
        assertEquals(0.25, bounds[1]);
        assertEquals(Double.POSITIVE_INFINITY, bounds[2]);
        assertThrowsIllegal(() -> TimerExport.histograms(0));
        assertThrowsIllegal(() -> TimerExport.histograms(Double.NaN));
        assertThrowsIllegal(() -> TimerExport.histograms(Double.POSITIVE_INFINITY));
        assertThrowsIllegal(() -> TimerExport.histograms(new double[65]));
    }

    private static void assertThrowsIllegal(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }

    private static void assertBucket(String text, String family, String le, long expected) {
        Matcher m = Pattern.compile(Pattern.quote(family + "_bucket{le=\"" + le + "\"} ") + "([0-9]+)")
                .matcher(text);
        assertTrue(m.find(), "bucket le=" + le + " in\n" + text);
        assertEquals(expected, Long.parseLong(m.group(1)), "bucket le=" + le);
    }

    @Test
    void protobuf_whenPrometheusAsks_carriesTheNativeHistogram() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            var timer = kmon.timer("t");
            timer.record(1_000_000_000);
            timer.record(1_000_000_000);
            timer.record(1_000_000_001);
            String accept =
                    "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited,"
                            + "application/openmetrics-text;version=1.0.0;q=0.8,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
            PrometheusText.Output out = PrometheusEndpoint.write(kmon.snapshot(), accept);
            assertEquals(
                    "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited",
                    out.contentType());
            assertTrue(out.body().length > 0);
            String debug = new io.prometheus.metrics.expositionformats.PrometheusProtobufWriter()
                    .toDebugString(
                            PrometheusText.convert(kmon.snapshot(), TimerExport.DEFAULT, true),
                            io.prometheus.metrics.config.EscapingScheme.UNDERSCORE_ESCAPING);
            String family = debug.substring(debug.indexOf("name: \"t_seconds\""));
            // buckets at grid index 0 (le=1 s, two samples) and 1 (one): one span from 0, deltas 2, -1
            assertTrue(family.contains("schema: 4"), family);
            assertTrue(family.contains("sample_count: 3"), family);
            assertTrue(
                    Pattern.compile("positive_span \\{\\s*offset: 0\\s*length: 2\\s*}")
                            .matcher(family)
                            .find(),
                    family);
            assertTrue(
                    Pattern.compile("positive_delta: 2\\s*positive_delta: -1")
                            .matcher(family)
                            .find(),
                    family);
            assertTrue(family.contains("upper_bound: 1.0"), "classic buckets too: " + family);
        }
    }

    @Test
    void protobuf_onlyWhenNamedWithItsParameters() {
        assertTrue(PrometheusEndpoint.wantsProtobuf(
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                        + "text/plain;version=0.0.4;q=0.3"));
        assertFalse(PrometheusEndpoint.wantsProtobuf("application/vnd.google.protobuf"));
        assertFalse(PrometheusEndpoint.wantsProtobuf("*/*"));
        assertFalse(PrometheusEndpoint.wantsProtobuf(null));
        assertFalse(PrometheusEndpoint.wantsProtobuf(
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=text"));
        assertFalse(PrometheusEndpoint.wantsProtobuf(
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0"));
        assertFalse(PrometheusEndpoint.wantsProtobuf(
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.2,"
                        + "text/plain"));
    }

    @Test
    void labelValues_areEscaped() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            String t = text(kmon, null);
            assertTrue(t.contains("user_login_total{realm=\"a \\\"quoted\\\" \\\\ realm\\nwith newline\"} 1"), t);
        }
    }

    @Test
    void everyFamily_hasHelpAndType() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            String t = text(kmon, null);
            List<String> types = Arrays.stream(t.split("\n"))
                    .filter(l -> l.startsWith("# TYPE "))
                    .toList();
            List<String> helps = Arrays.stream(t.split("\n"))
                    .filter(l -> l.startsWith("# HELP "))
                    .toList();
            // api: calls, successes, errors, duration; kmon: calls, successes, duration; 4 more; kmon's own
            assertTrue(types.size() >= 11, t);
            assertEquals(types.size(), helps.size(), t);
        }
    }

    @Test
    void openMetrics_whenAccepted_endsWithEof() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            PrometheusText.Output om = PrometheusEndpoint.write(
                    kmon.snapshot(),
                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
            String t = new String(om.body(), StandardCharsets.UTF_8);
            assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8", om.contentType());
            assertTrue(t.endsWith("# EOF\n"), t);
            assertTrue(t.contains("# UNIT api_duration_seconds seconds"), t);
            assertEquals(
                    "text/plain; version=0.0.4; charset=utf-8",
                    PrometheusEndpoint.write(kmon.snapshot(), "text/plain").contentType());
            assertEquals(
                    "text/plain; version=0.0.4; charset=utf-8",
                    PrometheusEndpoint.write(kmon.snapshot(), "application/vnd.google.protobuf")
                            .contentType());
        }
    }

    @Test
    void clashingNames_keepTheFirst_andTheScrapeStaysValid() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            kmon.counter("a.b").increment();
            kmon.gauge("a_b").set(5);
            kmon.counter("x").increment();
            kmon.gauge("x.total").set(9);
            kmon.counter("y.total").increment(4);
            String t = text(kmon, null);
            assertTrue(t.contains("a_b_total 1"), t);
            assertFalse(t.contains("a_b 5"), t);
            assertTrue(t.contains("x_total 1"), t);
            assertFalse(t.contains(" 9"), t);
            assertTrue(t.contains("y_total 4"), t);
        }
    }

    @Test
    void cardinalityOverflow_isExposed() {
        try (Kmon kmon = Kmon.builder()
                .clock(clock)
                .backgroundThread(false)
                .maxSeriesPerName(4)
                .build()) {
            for (int i = 0; i < 7; i++) {
                kmon.counter("req", "user", "u" + i).increment();
            }
            String t = text(kmon, null);
            assertTrue(t.contains("req_total{" + MeterRegistry.OVERFLOW_TAG + "=\"true\"} 3"), t);
            assertTrue(t.contains("monitoring_series_folded_total 3"), t);
        }
    }

    @Test
    void gaugeWithoutValue_isLeftOut() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            kmon.gauge("queue.depth");
            kmon.gauge("pool.size", () -> {
                throw new IllegalStateException("pool gone");
            });
            kmon.gauge("threads.busy").set(2);
            String t = text(kmon, null);
            assertFalse(t.contains("queue_depth "), t);
            assertFalse(t.contains("pool_size "), t);
            assertFalse(t.contains("NaN"), t);
            assertTrue(t.contains("threads_busy 2"), t);
        }
    }

    @Test
    void names_translate() {
        assertEquals("api_calls", PrometheusNames.counter("api.calls"));
        assertEquals("y", PrometheusNames.counter("y.total"));
        assertEquals("api_duration_seconds", PrometheusNames.timer("api.duration"));
        assertEquals("x_seconds", PrometheusNames.timer("x.seconds"));
        assertEquals("a_b_c", PrometheusNames.gauge("a.b.c"));
    }
}
