package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.MethodMonitor;
import io.kmon.annotations.AlertLevel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
 * after two minutes of (fake-clock) traffic, runs its script, and the rendered DOM must hold
 * the method rows and a drawn SVG line per chart. Also saves {@code target/dashboard.png}.
 */
class DashboardBrowserTest {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=4000");

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
        MethodMonitor charge = kmon.component("Payments", "api").method("charge", 0, AlertLevel.WARNING);
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
                charge.failure(TimeUnit.MILLISECONDS.toNanos(900),
                        new SocketTimeoutException("payment gateway did not answer in 900 ms"));
            }
            if (tick == 7) {
                create.failure(TimeUnit.MILLISECONDS.toNanos(3), new IllegalArgumentException("quantity must be positive: -2"));
            }
            clock.advance(10_000);
            kmon.sampleNow();
        }
        kmon.alert(AlertLevel.INFO, "Deployment 2024.06.1 started", "orders", Map.of("version", "2024.06.1"));
        kmon.alert(AlertLevel.WARNING, "Payments.charge p95 above 250 ms", "Payments", Map.of("p95_ms", 262.5));
        kmon.alert(AlertLevel.CRITICAL, "Payment gateway unreachable", "Payments",
                Map.of("error", ConnectException.class.getSimpleName()));
    }

    private String chromium(String... extra) throws Exception {
        String browser = ExternalTool.require("chromium", "chromium", "chromium-browser", "google-chrome");
        List<String> cmd = new ArrayList<>();
        cmd.add(browser);
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.addAll(List.of(extra));
        cmd.add(server.uri().toString());
        Path out = Files.createTempFile(profile, "out", ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(profile.resolve("stderr.txt").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String stderr = Files.readString(profile.resolve("stderr.txt"));
        assertEquals(0, p.exitValue(), "chromium failed:\n" + stderr);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void dashboard_rendersMethodRowsChartsAlertsAndErrors() throws Exception {
        String dom = chromium("--window-size=1400,1600", "--dump-dom");
        assertTrue(dom.contains("data-loaded=\"true\""), "the script finished a refresh:\n" + dom);

        for (String[] m : new String[][] {{"Orders", "find"}, {"Orders", "create"}, {"Payments", "charge"}}) {
            assertTrue(dom.contains("<tr data-component=\"" + m[0] + "\" data-method=\"" + m[1] + "\">"),
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

        assertTrue(dom.contains("class=\"pill s-"), dom);
        assertTrue(dom.contains("class=\"alert l-critical\""), dom);
        assertTrue(dom.contains("Payment gateway unreachable"), dom);
        assertTrue(dom.contains("class=\"alert l-warning\""), dom);
        assertTrue(dom.contains("data-type=\"java.net.SocketTimeoutException\""), dom);
        assertTrue(dom.contains("payment gateway did not answer in 900 ms"), dom);
        assertTrue(!dom.contains("class=\"banner show\""), "no error banner:\n" + dom);
    }

    @Test
    void dashboard_screenshot_isSaved() throws Exception {
        Path png = Paths.get("target", "dashboard.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium("--window-size=1400,1500", "--screenshot=" + png);
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
