package io.kmon;

import static io.kmon.testing.KmonThreads.awaitNoNewKmonThreads;
import static io.kmon.testing.KmonThreads.kmonThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.annotations.AlertLevel;
import io.kmon.errors.JulCapture;
import io.kmon.health.HealthResult;
import io.kmon.internal.Background;
import io.kmon.internal.MethodMonitor;
import io.kmon.testing.RecordingLogger;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class KmonCloseTest {
    private static final long MS = 1_000_000;

    @Test
    void close_leavesNoKmonThreadAndRemovesTheLogHandler() throws Exception {
        Set<Thread> before = kmonThreads();
        CountDownLatch never = new CountDownLatch(1);
        Kmon kmon = Kmon.builder()
                .logger(new RecordingLogger())
                .sampleInterval(Duration.ofMillis(50))
                .ruleInterval(Duration.ofMillis(50))
                .healthTimeout(Duration.ofMillis(100))
                .build();
        kmon.health().register("hangs", () -> {
            never.await(); // interruptible: close() ends it
            return HealthResult.healthy();
        });
        kmon.health().check();
        kmon.captureJulLogs();
        kmon.component("Db", "api").method("find", MS, AlertLevel.WARNING).success(2 * MS);
        Set<Thread> started = new HashSet<>(kmonThreads());
        started.removeAll(before);
        assertTrue(started.stream().anyMatch(t -> t.getName().equals(Background.THREAD_NAME)), started.toString());
        assertTrue(started.stream().anyMatch(t -> t.getName().startsWith("kmon-health-")), started.toString());

        kmon.close();

        assertEquals(Set.of(), awaitNoNewKmonThreads(before));
        assertFalse(Arrays.stream(Logger.getLogger("").getHandlers()).anyMatch(JulCapture.class::isInstance));
    }

    @Test
    void closeWhileCallsAndReportsAreInFlight_throwsNothingToCallers() throws Exception {
        Set<Thread> before = kmonThreads();
        Kmon kmon = Kmon.builder()
                .logger(new RecordingLogger())
                .systemMetrics(false)
                .build();
        MethodMonitor find = kmon.component("Db", "api").method("find", MS, AlertLevel.WARNING, IOException.class);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            results.add(callers.submit(() -> {
                long calls = 0;
                while (!stop.get()) {
                    if (id == 3) {
                        kmon.health().check();
                        kmon.snapshot();
                    } else if (calls % 2 == 0) {
                        find.success(2 * MS);
                    } else {
                        find.failure(MS, new IOException());
                    }
                    calls++;
                }
                return calls;
            }));
        }
        Thread.sleep(100); // let the callers get going; nothing is asserted about time
        kmon.close();
        kmon.alert(AlertLevel.INFO, "after close", "c", Map.of());
        stop.set(true);
        callers.shutdown();
        long calls = 0;
        for (int t = 0; t < 3; t++) {
            calls += results.get(t).get(30, TimeUnit.SECONDS); // rethrows anything a caller saw
        }
        results.get(3).get(30, TimeUnit.SECONDS);

        assertEquals(calls, find.successes() + find.errors(), "every call counted, before and after close");
        assertEquals(Set.of(), awaitNoNewKmonThreads(before));
    }

    @Test
    void closingTwice_doesNothing() {
        Kmon kmon = Kmon.builder().logger(new RecordingLogger()).build();
        kmon.close();
        kmon.close();
    }
}
