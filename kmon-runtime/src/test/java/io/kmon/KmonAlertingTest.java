package io.kmon;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.alert.Alert;
import io.kmon.alert.CardinalityRule;
import io.kmon.alert.ComponentFailuresRule;
import io.kmon.alert.FailedCallsRule;
import io.kmon.annotations.AlertLevel;
import io.kmon.errors.ErrorGroup;
import io.kmon.internal.Background;
import io.kmon.internal.CallAlerts;
import io.kmon.internal.MethodMonitor;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KmonAlertingTest {
    private static final long MS = 1_000_000;

    private final FakeClock clock = new FakeClock();
    private final RecordingLogger logger = new RecordingLogger();
    private Kmon kmon = quiet().build();

    private KmonBuilder quiet() {
        return Kmon.builder()
                .clock(clock)
                .backgroundThread(false)
                .systemMetrics(false)
                .logger(logger);
    }

    @AfterEach
    void close() {
        kmon.close();
    }

    @Test
    void slowCall_isHandedOffNotLoggedOnTheCallersThreadAndAlertedByTheLoop() {
        MethodMonitor find = kmon.component("Db", "api").method("find", 500 * MS, AlertLevel.WARNING);

        find.success(800 * MS);
        assertEquals(1, kmon.pendingCallAlerts());
        assertEquals(List.of(), kmon.alerts().recent(), "nothing raised on the caller's thread");
        assertEquals(List.of(), logger.lines(), "nothing logged on the caller's thread");

        kmon.checkAlertsNow();
        Alert alert = kmon.alerts().recent().get(0);
        assertEquals(AlertLevel.WARNING, alert.level());
        assertEquals("slow_call", alert.rule());
        assertEquals("Db", alert.component());
        assertEquals(800.0, alert.details().get("duration_ms"));
        assertEquals(500.0, alert.details().get("threshold_ms"));
        assertTrue(alert.message().endsWith("800 ms (threshold 500 ms)"), alert.message());
        assertEquals(0, kmon.pendingCallAlerts());
        assertEquals(1, logger.containing("Slow call Db.find").size());
    }

    @Test
    void slowCallsOfOneMethod_raiseOncePerCooldownAtTheMethodsLevel() {
        MethodMonitor find = kmon.component("Db", "api").method("find", 500 * MS, AlertLevel.CRITICAL);
        for (int i = 0; i < 50; i++) {
            find.success(600 * MS);
        }
        kmon.sampleNow(); // the sampler drains too
        clock.advance(Duration.ofMinutes(6));
        find.success(600 * MS);
        kmon.sampleNow();

        List<Alert> alerts = kmon.alerts().recent();
        assertEquals(2, alerts.size());
        assertEquals(AlertLevel.CRITICAL, alerts.get(0).level());
        assertEquals(49, alerts.get(0).suppressed());
    }

    @Test
    void subMillisecondFigures_staySpelledOut() {
        MethodMonitor get = kmon.component("Cache", "api").method("get", 250_000, AlertLevel.INFO);
        get.success(1_500_000);
        kmon.checkAlertsNow();

        Alert alert = kmon.alerts().recent().get(0);
        assertTrue(alert.message().endsWith("1.5 ms (threshold 0.25 ms)"), alert.message());
        assertEquals(AlertLevel.INFO, alert.level());
    }

    @Test
    void fastCalls_raiseNothing() {
        MethodMonitor find = kmon.component("Db", "api").method("find", 500 * MS, AlertLevel.WARNING);
        find.success(500 * MS);
        MethodMonitor noThreshold = kmon.component("Db", "api").method("save", 0, AlertLevel.WARNING);
        assertEquals(Long.MAX_VALUE, noThreshold.slowNanos());
        noThreshold.success(Long.MAX_VALUE / 2);

        kmon.checkAlertsNow();
        assertEquals(List.of(), kmon.alerts().recent());
    }

    @Test
    void alertOnFailure_raisesAnErrorAndEveryFailureIsAggregated() {
        MethodMonitor find = kmon.component("Db", "api").method("find", 0, AlertLevel.WARNING, IOException.class);
        find.failure(MS, new ConnectException("refused")); // a subtype of IOException: alerts
        find.failure(MS, new IllegalStateException("bug")); // not listed: aggregated only
        find.failure(MS, new IllegalStateException("bug again"));

        kmon.checkAlertsNow();
        List<Alert> alerts = kmon.alerts().recent();
        assertEquals(1, alerts.size());
        assertEquals(AlertLevel.ERROR, alerts.get(0).level());
        assertEquals("call_failure", alerts.get(0).rule());
        assertTrue(
                alerts.get(0).message().contains("ConnectException: refused"),
                alerts.get(0).message());

        List<ErrorGroup> groups = kmon.errors().groups();
        assertEquals(2, groups.size());
        ErrorGroup bug = groups.stream()
                .filter(g -> g.type().equals(IllegalStateException.class.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(2, bug.count());
        assertEquals("Db", bug.component());
        assertEquals("find", bug.method());
        assertEquals("bug again", bug.lastMessage());
    }

    @Test
    void manyFailures_raiseTheFailedCallsAndComponentRules() {
        MethodMonitor find = kmon.component("Db", "api").method("find", 0, AlertLevel.WARNING);
        for (int i = 0; i < 11; i++) {
            find.failure(MS, new IOException());
        }
        kmon.checkAlertsNow();

        List<String> rules =
                kmon.alerts().recent().stream().map(Alert::rule).sorted().toList();
        assertEquals(List.of(ComponentFailuresRule.NAME, FailedCallsRule.NAME), rules);
    }

    @Test
    void cardinalityFlood_staysBoundedRaisesOneWarningAndShowsTheOverflow() {
        kmon.close();
        kmon = quiet().maxSeriesPerName(100).build();
        for (int i = 0; i < 1_000_000; i++) {
            kmon.counter("user.login", "user", "u" + i).increment();
        }
        kmon.checkAlertsNow();
        kmon.checkAlertsNow();
        kmon.counter("user.login", "user", "one-more").increment();
        kmon.checkAlertsNow(); // still flooding: within the cooldown

        MetricsSnapshot s = kmon.snapshot();
        assertEquals(
                101,
                s.counters().filter(c -> c.id().name().equals("user.login")).count(),
                "cap + overflow");
        assertEquals(1_000_001, s.sum("user.login"), "nothing lost: folded calls count in the overflow series");
        assertEquals(999_901L, s.folded().get("user.login"));
        assertEquals(999_901, s.count(MetricNames.SERIES_FOLDED));
        List<Alert> alerts = kmon.alerts().recent();
        assertEquals(1, alerts.size());
        assertEquals(CardinalityRule.NAME, alerts.get(0).rule());
        assertEquals(AlertLevel.WARNING, alerts.get(0).level());
    }

    @Test
    void throwingLoggerBackend_leavesCallsWorkingAndIsCounted() {
        kmon.close();
        kmon = quiet().logger(RecordingLogger.throwing()).build();
        MethodMonitor find = kmon.component("Db", "api").method("find", MS, AlertLevel.WARNING, IOException.class);

        assertDoesNotThrow(() -> {
            find.success(2 * MS);
            find.failure(MS, new IOException());
            kmon.checkAlertsNow();
            kmon.alert(AlertLevel.CRITICAL, "by hand", "ops", Map.of());
        });
        assertEquals(3, kmon.alerts().recent().size());
        assertTrue(kmon.internalFailureCounts().get(InternalFailures.LOGGER) >= 3);
        assertEquals(1, find.successes());
        assertEquals(1, find.errors());
    }

    @Test
    void throwingListener_isCountedAndAsMetric() {
        kmon.alerts().addListener(a -> {
            throw new IllegalStateException("pager down");
        });
        kmon.alert(AlertLevel.ERROR, "x", "c", Map.of());
        kmon.alert(AlertLevel.ERROR, "y", "c", Map.of());

        assertEquals(2L, kmon.internalFailureCounts().get("listener"));
        assertEquals(2, kmon.snapshot().count(MetricNames.INTERNAL_FAILURES, "source", "listener"));
        assertEquals(2, kmon.snapshot().count("monitoring.alerts", "level", "error"));
    }

    @Test
    void callAlertQueue_isBoundedAndCountsWhatItDrops() {
        MethodMonitor find = kmon.component("Db", "api").method("find", MS, AlertLevel.WARNING);
        for (int i = 0; i < 2_000; i++) {
            find.success(2 * MS);
        }
        assertEquals(CallAlerts.CAPACITY, kmon.pendingCallAlerts());
        assertEquals(2_000 - CallAlerts.CAPACITY, kmon.snapshot().count("monitoring.alerts.dropped"));
        assertEquals(2_000, find.successes(), "the calls themselves all counted");
    }

    @Test
    void manualAlertAndRecordedError_areKept() {
        Alert a = kmon.alert(AlertLevel.WARNING, "High memory usage", "system", Map.of("percent", 91));
        kmon.recordError("jobs", new IllegalStateException("nightly failed"));

        assertEquals(a, kmon.alerts().recent().get(0));
        assertEquals(1, logger.containing("[system] High memory usage").size());
        ErrorGroup g = kmon.errors().groups().get(0);
        assertEquals("jobs", g.component());
        assertEquals("", g.method());
    }

    @Test
    void withTheBackgroundThread_callAlertsAreDeliveredThereWithoutBeingAskedFor() throws Exception {
        kmon.close();
        kmon = Kmon.builder().systemMetrics(false).logger(logger).build();
        BlockingQueue<String> threads = new ArrayBlockingQueue<>(10);
        kmon.alerts().addListener(a -> threads.add(Thread.currentThread().getName()));
        MethodMonitor find = kmon.component("Db", "api").method("find", MS, AlertLevel.WARNING);

        find.success(2 * MS);

        assertEquals(Background.THREAD_NAME, threads.poll(10, TimeUnit.SECONDS));
    }
}
