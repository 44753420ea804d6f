package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.testing.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's own linter on real exporter output: counters, gauges, timers (as histograms, and
 * as summaries with and without a window), tags that need escaping, error series and an
 * overflow series.
 */
class PromtoolTest {
    @Test
    void promtoolCheckMetrics_acceptsTheScrape() throws Exception {
        String promtool = ExternalTool.require("prometheus", "promtool");
        FakeClock clock = new FakeClock();
        try (Kmon kmon = Kmon.builder()
                        .clock(clock)
                        .backgroundThread(false)
                        .maxSeriesPerName(3)
                        .build();
                KmonServer server = KmonServer.start(kmon, 0);
                KmonServer summaries =
                        KmonServer.builder(kmon).prometheusSummaries(true).start()) {
            Fixtures.record(kmon);
            kmon.timer("idle.work"); // registered, never recorded: no quantiles
            for (int i = 0; i < 6; i++) {
                kmon.counter("per.user", "user", "u" + i).increment();
            }
            kmon.gauge("queue.depth"); // never set: NaN

            HttpResponse<String> text = Http.get(server, "/metrics/prometheus");
            assertEquals(200, text.statusCode());
            assertClean(promtool, text.body());
            assertTrue(text.body().contains("# TYPE api_duration_seconds histogram"), text.body());
            HttpResponse<String> summaryText = Http.get(summaries, "/metrics/prometheus");
            assertClean(promtool, summaryText.body());
            assertTrue(summaryText.body().contains("# TYPE api_duration_seconds summary"), summaryText.body());

            // promtool check metrics parses the 0.0.4 text format only (it reads OpenMetrics'
            // "# TYPE api_calls counter" as a family without samples), so OpenMetrics is checked in
            // PrometheusWriterTest and KmonServerTest instead.
        }
    }

    /** promtool exits 0 and prints no lint problem (it lints counters' names, HELP, units...). */
    private static void assertClean(String promtool, String exposition) throws Exception {
        Process p = new ProcessBuilder(promtool, "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream o = p.getInputStream()) {
            o.transferTo(out);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said + "\n--- input ---\n" + exposition);
        assertEquals("", said.trim(), said + "\n--- input ---\n" + exposition);
    }
}
