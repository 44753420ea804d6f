package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.internal.MethodMonitor;
import io.kmon.testing.FakeClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: headless Chromium loads {@code /} from a running server
 * after two minutes of (fake-clock) traffic, runs its script under the server's strict
 * Content-Security-Policy with nothing said on the console, and the rendered DOM must hold the
 * method rows with formatted values, a drawn SVG line per chart and a legend on the chart of
 * several lines; a resize redraws the charts (driven over the DevTools protocol). Also saves
 * {@code target/dashboard.png}.
 */
class DashboardBrowserTest {
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--virtual-time-budget=4000",
            "--enable-logging=stderr",
            "--v=0"); // the page's console messages go to stderr

    private final FakeClock clock = new FakeClock();
    private Kmon kmon;
    private KmonServer server;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        kmon = Kmon.builder().clock(clock).backgroundThread(false).build(); // with system metrics
        traffic();
        server = KmonServer.start(kmon, 0);
        profile = Files.createTempDirectory("kmon-chromium-");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        kmon.close();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Twelve sampling ticks of calls at varying rates and latencies, a few failures and alerts. */
    private void traffic() {
        MethodMonitor find = kmon.component("Orders", "api").method("find", 0, AlertLevel.WARNING);
        MethodMonitor create = kmon.component("Orders", "api").method("create", 0, AlertLevel.WARNING);
        MethodMonitor charge = kmon.component("Payments", "payments").method("charge", 0, AlertLevel.WARNING);
        for (int tick = 0; tick < 12; tick++) {
            for (int i = 0; i < 40 + 25 * Math.sin(tick / 2.0); i++) {
                find.success(TimeUnit.MICROSECONDS.toNanos(800 + 150L * (i % 13) + 90L * tick));
            }
            for (int i = 0; i < 8 + tick % 4; i++) {
                create.success(TimeUnit.MILLISECONDS.toNanos(12 + (i * 7 + tick * 3) % 40));
            }
            for (int i = 0; i < 5; i++) {
                charge.success(TimeUnit.MILLISECONDS.toNanos(120 + (i * 37 + tick * 11) % 180));
            }
            if (tick % 3 == 2) {
                charge.failure(
                        TimeUnit.MILLISECONDS.toNanos(900),
                        new SocketTimeoutException("payment gateway did not answer in 900 ms"));
            }
            if (tick == 7) {
                create.failure(
                        TimeUnit.MILLISECONDS.toNanos(3),
                        new IllegalArgumentException("quantity must be positive: -2"));
            }
            clock.advance(Duration.ofSeconds(10));
            kmon.sampleNow();
        }
        kmon.alert(AlertLevel.INFO, "Deployment 2024.06.1 started", "orders", Map.of("version", "2024.06.1"));
        kmon.alert(AlertLevel.WARNING, "Payments.charge p95 above 250 ms", "Payments", Map.of("p95_ms", 262.5));
        kmon.alert(
                AlertLevel.CRITICAL,
                "Payment gateway unreachable",
                "Payments",
                Map.of("error", ConnectException.class.getSimpleName()));
    }

    /**
     * What Chromium printed (the DOM or nothing) and what the page said on its console.
     *
     * @param output chromium's standard output
     * @param console the page's console messages, one per entry
     */
    private record Page(String output, List<String> console) {}

    private Page chromium(String url, String... extra) throws Exception {
        String browser = ExternalTool.require("chromium", "chromium", "chromium-browser", "google-chrome");
        List<String> cmd = new ArrayList<>();
        cmd.add(browser);
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.addAll(List.of(extra));
        cmd.add(url);
        Path out = Files.createTempFile(profile, "out", ".html");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(profile.resolve("stderr.txt").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String stderr = Files.readString(profile.resolve("stderr.txt"));
        assertEquals(0, p.exitValue(), "chromium failed:\n" + stderr);
        List<String> console =
                stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
    }

    private Page dashboard(String... extra) throws Exception {
        return chromium(server.uri().toString(), extra);
    }

    /** The check below would see a policy violation: Chromium reports it on the console. */
    @Test
    void console_showsAnInlineScriptThePolicyBlocks() throws Exception {
        String page = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">"
                + "<script>document.title = 'ran'</script>";
        Page blocked = chromium(
                "data:text/html;charset=utf-8,"
                        + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8)
                                .replace("+", "%20"),
                "--dump-dom");
        assertTrue(blocked.console().stream().anyMatch(l -> l.contains("Content Security Policy")), blocked.toString());
        assertFalse(blocked.output().contains("<title>ran</title>"), blocked.output());
    }

    @Test
    void dashboard_rendersMethodRowsChartsAlertsAndErrors() throws Exception {
        Page page = dashboard("--window-size=1400,1600", "--dump-dom");
        String dom = page.output();
        assertTrue(dom.contains("data-loaded=\"true\""), "the script finished a refresh:\n" + dom);
        assertEquals(List.of(), page.console(), "no policy violation, no script error");

        for (String[] m : new String[][] {{"Orders", "find"}, {"Orders", "create"}, {"Payments", "charge"}}) {
            assertTrue(
                    dom.contains("<tr data-component=\"" + m[0] + "\" data-method=\"" + m[1] + "\">"),
                    m[0] + "." + m[1] + " row:\n" + dom);
        }
        assertEquals(3, count(dom, "<tr data-component="));

        for (String chart : new String[] {"c-calls", "c-errors", "c-p95", "c-cpu", "c-mem"}) {
            String svg = element(dom, "<svg class=\"chart\" id=\"" + chart + "\"", "</svg>");
            Matcher line = Pattern.compile("<path d=\"(M[0-9.]+ [0-9.]+( L[0-9.]+ [0-9.]+)+)\"[^>]*class=\"line\"")
                    .matcher(svg);
            assertTrue(line.find(), chart + " has a drawn line:\n" + svg);
            assertTrue(line.group(1).split("L").length >= 3, chart + " line has points: " + line.group(1));
        }

        // the p95 chart draws one line per component prefix, named in its legend; one-line charts have none
        String legend = element(dom, "<ul class=\"legend\" id=\"c-p95-legend\">", "</ul>");
        assertEquals(2, count(legend, "<li "), legend);
        for (String series : new String[] {"api.duration.p95", "payments.duration.p95"}) {
            assertTrue(legend.contains("<li data-series=\"" + series + "\"><span class=\"swatch\""), legend);
            assertTrue(dom.contains("class=\"line\" data-series=\"" + series + "\""), series + " line:\n" + dom);
        }
        assertEquals(1, count(dom, "class=\"legend\""), "only the p95 chart has a legend:\n" + dom);

        // every number goes through the page's formatters
        String charge = element(dom, "<tr data-component=\"Payments\" data-method=\"charge\">", "</tr>");
        assertTrue(charge.contains(">64</td><td class=\"rate-bad\">4</td><td class=\"rate-bad\">6.25%</td>"), charge);
        Matcher durations = Pattern.compile("<td>([0-9.]+) ms</td>").matcher(charge);
        assertEquals(3, durations.results().count(), "avg, p95 and p99 in ms: " + charge);
        assertTrue(element(dom, "<div class=\"value\" id=\"k-calls\"", "</div>").contains(">670<"), dom);
        assertTrue(element(dom, "<div class=\"value\" id=\"k-p95\"", "</div>").matches(".*>[0-9]+\\.[0-9] ms<.*"), dom);
        assertTrue(element(dom, "<div class=\"value\" id=\"k-heap\"", "</div>").matches(".*>[0-9]+ MiB<.*"), dom);
        assertTrue(element(dom, "<span class=\"now\" id=\"n-calls\"", "</span>").matches(".*>[0-9.]+/s<.*"), dom);
        assertTrue(
                element(dom, "<svg class=\"chart\" id=\"c-p95\"", "</svg>").matches("(?s).*class=\"axis\">0\\.5 s<.*"),
                "p95 ticks in seconds:\n" + dom);

        assertTrue(dom.contains("class=\"pill s-"), dom);
        assertTrue(dom.contains("class=\"alert l-critical\""), dom);
        assertTrue(dom.contains("Payment gateway unreachable"), dom);
        assertTrue(dom.contains("class=\"alert l-warning\""), dom);
        assertTrue(dom.contains("data-type=\"java.net.SocketTimeoutException\""), dom);
        assertTrue(dom.contains("payment gateway did not answer in 900 ms"), dom);
        assertTrue(!dom.contains("class=\"banner show\""), "no error banner:\n" + dom);
    }

    /**
     * A resize redraws the charts at the new width from the points already fetched: once the
     * page has loaded, every further request to {@code /metrics…} is held by the browser and
     * never answered, so only the resize handler can draw.
     */
    @Test
    void resize_redrawsTheChartsAtTheNewWidth_withoutRefetching() throws Exception {
        String browser = ExternalTool.require("chromium", "chromium", "chromium-browser", "google-chrome");
        List<String> flags = new ArrayList<>(FLAGS.subList(0, FLAGS.indexOf("--virtual-time-budget=4000")));
        flags.add("--user-data-dir=" + profile);
        flags.add("--window-size=1000,1000");
        try (DevTools devTools = DevTools.start(browser, flags)) {
            String target = devTools.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                    .get("targetId")
                    .asText();
            String page = devTools.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                    .get("sessionId")
                    .asText();
            devTools.send(page, "Page.navigate", Map.of("url", server.uri().toString())); // answers once committed
            devTools.evaluate(
                    page,
                    "new Promise(function (done) { (function poll() {"
                            + " if (document.body && document.body.getAttribute('data-loaded')) done(true);"
                            + " else setTimeout(poll, 20); })(); })");
            devTools.send(page, "Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*/metrics*"))));
            String before = devTools.evaluate(page, VIEW_BOX).asText();

            devTools.send(
                    page,
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 500, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
            // waits for a change, giving up after about 10 s so that a missing redraw fails below
            String after = devTools.evaluate(
                            page,
                            "new Promise(function (done) { var n = 0; (function poll() {"
                                    + " var v = " + VIEW_BOX + "; if (v !== '" + before + "' || ++n > 500) done(v);"
                                    + " else setTimeout(poll, 20); })(); })")
                    .asText();

            int width = devTools.evaluate(
                            page, "Math.round(document.getElementById('c-calls')" + ".getBoundingClientRect().width)")
                    .asInt();
            assertEquals("0 0 " + width + " 150", after, "redrawn to the chart's new width (was " + before + ")");
            assertEquals(
                    1,
                    devTools.evaluate(page, "document.querySelectorAll('#c-calls path.line').length")
                            .asInt());
            assertEquals(
                    2,
                    devTools.evaluate(page, "document.querySelectorAll('#c-p95-legend li').length")
                            .asInt());
        }
    }

    private static final String VIEW_BOX = "document.getElementById('c-calls').getAttribute('viewBox')";

    @Test
    void dashboard_screenshot_isSaved() throws Exception {
        Path png = Paths.get("target", "dashboard.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        dashboard("--window-size=1400,1500", "--screenshot=" + png);
        assertTrue(Files.size(png) > 10_000, "screenshot written: " + png);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String element(String dom, String start, String end) {
        int i = dom.indexOf(start);
        assertTrue(i >= 0, start + " in:\n" + dom);
        return dom.substring(i, dom.indexOf(end, i) + end.length());
    }
}
