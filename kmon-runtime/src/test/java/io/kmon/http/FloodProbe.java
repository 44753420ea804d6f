package io.kmon.http;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.internal.MethodMonitor;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures heap after GC and response sizes under the floods of issue #11; prints one line per
 * flood. Not a test of anything (no assertions): run it on purpose, with
 * {@code mvn -B -o -q -pl kmon-runtime -am test -Dtest=FloodProbe -Dkmon.probe=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "kmon.probe", matches = "true")
class FloodProbe {

    @Test
    void floods() throws Exception {
        String mib = "m".repeat(1 << 20);
        flood("20,000 components", "/health", k -> {
            for (int i = 0; i < 20_000; i++) {
                k.component("C" + i, "api");
            }
        });
        flood("200,000 counter names", "/metrics/prometheus", k -> {
            for (int i = 0; i < 200_000; i++) {
                k.counter("flood.counter" + i).increment();
            }
        });
        flood("100,000 timer names", "/metrics/prometheus", k -> {
            for (int i = 0; i < 100_000; i++) {
                k.timer("flood.timer" + i).record(1_000);
            }
        });
        flood("300 error groups, one 1 MiB message", "/errors", k -> {
            for (int i = 0; i < 300; i++) {
                k.recordError("C" + i, new IllegalStateException(mib));
            }
        });
        flood("300 failure alerts, 1 MiB messages", "/alerts", k -> {
            MethodMonitor m =
                    k.component("Pay", "api").method("charge", 0, AlertLevel.WARNING, IllegalStateException.class);
            for (int i = 0; i < 300; i++) {
                m.failure(1_000, new IllegalStateException(i + mib));
                k.checkAlertsNow(); // delivers the call-path alert into the history
            }
        });
    }

    private static void flood(String what, String path, Consumer<Kmon> flood) throws Exception {
        // no cooldown, so every failure alert is kept, as with distinct failures
        try (Kmon kmon = Kmon.builder()
                        .backgroundThread(false)
                        .systemMetrics(false)
                        .alertCooldown(java.time.Duration.ZERO)
                        .build();
                KmonServer server = KmonServer.start(kmon, 0)) {
            long before = heapAfterGc();
            flood.accept(kmon);
            long after = heapAfterGc();
            String answer;
            try {
                HttpResponse<String> r = Http.get(server, path);
                answer = r.statusCode() + ", "
                        + String.format("%,d", r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        + " bytes";
            } catch (java.io.IOException e) {
                answer = "no answer (" + e.getMessage() + ")";
            }
            System.out.printf(
                    "PROBE %-40s heap +%,.1f MiB  %s %s, %d health checks%n",
                    what,
                    (after - before) / 1048576.0,
                    path,
                    answer,
                    kmon.health().names().size());
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
