package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.format.PrometheusNames;
import io.kmon.format.PrometheusText;
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
            assertTrue(t.contains("api_errors_total{component=\"Orders\",error_type=\"IOException\",method=\"find\"} 1"), t);
            assertTrue(t.contains("errors_count_total 1"), t);
            assertTrue(t.contains("# TYPE api_duration_seconds summary"), t);
            assertTrue(t.contains("api_duration_seconds_count{component=\"Orders\",method=\"find\"} 10"), t);
            assertTrue(t.contains("api_duration_seconds_sum{component=\"Orders\",method=\"find\"} 0.65"), t);
            assertTrue(t.contains("kmon_calls_total{component=\"Billing\",method=\"cancel\"} 2"), t);
            assertTrue(t.contains("sessions_active 3"), t);
            assertTrue(t.contains("db_query_seconds_count{table=\"users\"} 1"), t);
        }
    }

    @Test
    void timerQuantiles_comeFromTheWindow_withinItsError() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            String t = text(kmon, null);
            // 10 samples 10..90 ms and 200 ms: p50 = 50 ms, p95 = p99 = 200 ms (max), within 1.93%
            assertQuantile(t, "0.5", 0.050);
            assertQuantile(t, "0.95", 0.200);
            assertQuantile(t, "0.99", 0.200);
        }
    }

    private static void assertQuantile(String text, String q, double expected) {
        Matcher m = Pattern.compile("api_duration_seconds\\{component=\"Orders\",method=\"find\",quantile=\""
                + Pattern.quote(q) + "\"} ([0-9.eE-]+)").matcher(text);
        assertTrue(m.find(), "quantile " + q + " in\n" + text);
        double v = Double.parseDouble(m.group(1));
        assertEquals(expected, v, expected * 0.0193, "quantile " + q);
    }

    @Test
    void emptyWindow_omitsQuantiles_keepsCumulativeCountAndSum() {
        try (Kmon kmon = Kmon.builder().clock(clock).backgroundThread(false).window(Duration.ofMinutes(1)).build()) {
            kmon.timer("db.query").record(1_000_000);
            clock.advance(Duration.ofMinutes(5));
            String t = text(kmon, null);
            assertFalse(t.contains("quantile="), t);
            assertTrue(t.contains("db_query_seconds_count 1"), t);
            assertTrue(t.contains("db_query_seconds_sum 0.001"), t);
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
            List<String> types = Arrays.stream(t.split("\n")).filter(l -> l.startsWith("# TYPE ")).toList();
            List<String> helps = Arrays.stream(t.split("\n")).filter(l -> l.startsWith("# HELP ")).toList();
            // api: calls, successes, errors, duration; kmon: calls, successes, duration; 4 more; kmon's own
            assertTrue(types.size() >= 11, t);
            assertEquals(types.size(), helps.size(), t);
        }
    }

    @Test
    void openMetrics_whenAccepted_endsWithEof() {
        try (Kmon kmon = Fixtures.kmon(clock)) {
            Fixtures.record(kmon);
            PrometheusText.Output om = PrometheusEndpoint.write(kmon.snapshot(),
                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
            String t = new String(om.body(), StandardCharsets.UTF_8);
            assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8", om.contentType());
            assertTrue(t.endsWith("# EOF\n"), t);
            assertTrue(t.contains("# UNIT api_duration_seconds seconds"), t);
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    PrometheusEndpoint.write(kmon.snapshot(), "text/plain").contentType());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    PrometheusEndpoint.write(kmon.snapshot(), "application/vnd.google.protobuf").contentType());
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
        try (Kmon kmon = Kmon.builder().clock(clock).backgroundThread(false).maxSeriesPerName(4).build()) {
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
            kmon.gauge("pool.size", () -> { throw new IllegalStateException("pool gone"); });
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
