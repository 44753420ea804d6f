package io.kmon.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
    private final FakeClock clock = new FakeClock();
    private final RecordingLogger logger = new RecordingLogger();
    private final InternalFailures failures = new InternalFailures(new RecordingLogger());
    private final AlertEngine engine = new AlertEngine(clock, Duration.ofMinutes(5), 1_000, logger, failures);

    @Test
    void raise_keepsAlertNewestFirstWithAllFields() {
        engine.raise(AlertLevel.INFO, "first", "a", Map.of());
        clock.advance(Duration.ofSeconds(1));
        Alert second = engine.raise(AlertLevel.WARNING, "High memory usage", "system", Map.of("percent", 91));

        assertEquals(
                List.of("High memory usage", "first"),
                engine.recent().stream().map(Alert::message).toList());
        assertEquals(AlertLevel.WARNING, second.level());
        assertEquals(clock.millis(), second.timestamp());
        assertEquals("system", second.component());
        assertEquals(AlertEngine.MANUAL, second.rule());
        assertEquals(Map.of("percent", 91), second.details());
        assertEquals(2, engine.total());
    }

    @Test
    void everyLevel_isLoggedAtTheMappedLevelAndCriticalCarriesAMarker() {
        engine.raise(AlertLevel.INFO, "i", "c", Map.of());
        engine.raise(AlertLevel.WARNING, "w", "c", Map.of());
        engine.raise(AlertLevel.ERROR, "e", "c", Map.of("k", "v"));
        engine.raise(AlertLevel.CRITICAL, "x", "c", Map.of());

        List<RecordingLogger.Line> lines = logger.lines();
        assertEquals(System.Logger.Level.INFO, lines.get(0).level());
        assertEquals(System.Logger.Level.WARNING, lines.get(1).level());
        assertEquals(System.Logger.Level.ERROR, lines.get(2).level());
        assertEquals("[c] e {k=v}", lines.get(2).message());
        assertEquals(System.Logger.Level.ERROR, lines.get(3).level());
        assertEquals(AlertEngine.CRITICAL_MARKER + " [c] x", lines.get(3).message());
    }

    @Test
    void throwingListener_isIsolatedCountedAndOthersStillRun() {
        List<Alert> seen = new ArrayList<>();
        engine.addListener(a -> {
            throw new IllegalStateException("pager down");
        });
        engine.addListener(seen::add);

        engine.raise(AlertLevel.ERROR, "one", "c", Map.of());
        engine.raise(AlertLevel.ERROR, "two", "c", Map.of());

        assertEquals(2, seen.size());
        assertEquals(2, failures.count("listener"));
        assertEquals(2, engine.recent().size());
    }

    @Test
    void removedListener_hearsNothingMore() {
        List<Alert> seen = new ArrayList<>();
        AlertListener listener = seen::add;
        engine.addListener(listener);
        engine.raise(AlertLevel.INFO, "one", "c", Map.of());
        assertTrue(engine.removeListener(listener));
        engine.raise(AlertLevel.INFO, "two", "c", Map.of());

        assertEquals(1, seen.size());
    }

    @Test
    void throwingLoggerBackend_isContainedCountedAndAlertsStillKeptAndDelivered() {
        AlertEngine broken = new AlertEngine(clock, Duration.ofMinutes(5), 10, RecordingLogger.throwing(), failures);
        List<Alert> seen = new ArrayList<>();
        broken.addListener(seen::add);

        broken.raise(AlertLevel.CRITICAL, "down", "db", Map.of());
        broken.fire("r", new Condition(AlertLevel.ERROR, "again", "db", "s", Map.of()), clock.millis());

        assertEquals(2, broken.recent().size());
        assertEquals(2, seen.size());
        assertEquals(2, failures.count(InternalFailures.LOGGER));
    }

    @Test
    void history_isBoundedNewestFirstAfterManyMoreAlerts() {
        AlertEngine small = new AlertEngine(clock, Duration.ZERO, 10, logger, failures);
        for (int i = 0; i < 5_000; i++) {
            small.raise(AlertLevel.INFO, "n" + i, "c", Map.of());
        }

        assertEquals(10, small.size());
        assertEquals("n4999", small.recent().get(0).message());
        assertEquals("n4990", small.recent().get(9).message());
        assertEquals(5_000, small.total());
        assertEquals(
                List.of("n4999", "n4998"),
                small.recent(2).stream().map(Alert::message).toList());
    }

    @Test
    void sameCondition_raisesOncePerCooldownAndTheNextSaysHowManyWereSuppressed() {
        assertNotNull(fire(AlertLevel.WARNING));
        clock.advance(Duration.ofMinutes(1));
        assertNull(fire(AlertLevel.WARNING));
        clock.advance(Duration.ofMinutes(1));
        assertNull(fire(AlertLevel.WARNING));
        clock.advance(Duration.ofMinutes(3));

        Alert next = fire(AlertLevel.WARNING);
        assertNotNull(next);
        assertEquals(2, next.suppressed());
        assertTrue(next.message().contains("2 similar suppressed"), next.message());
        assertEquals(2, engine.recent().size());
        assertEquals(2, engine.suppressed());
        assertEquals(2, logger.lines().size());
    }

    @Test
    void resolvedCondition_raisesAgainAtOnce() {
        assertNotNull(fire(AlertLevel.WARNING));
        engine.resolve("memory", "system");
        clock.advance(Duration.ofSeconds(1));

        assertNotNull(fire(AlertLevel.WARNING));
    }

    @Test
    void higherLevel_raisesDuringTheCooldownAndLowerDoesNot() {
        assertNotNull(fire(AlertLevel.WARNING));
        assertNotNull(fire(AlertLevel.CRITICAL));
        assertNull(fire(AlertLevel.WARNING));
        assertNull(fire(AlertLevel.CRITICAL));
    }

    @Test
    void differentSubjects_haveTheirOwnCooldown() {
        assertNotNull(engine.fire(
                "slow_call", new Condition(AlertLevel.WARNING, "slow", "A", "A.find", Map.of()), clock.millis()));
        assertNotNull(engine.fire(
                "slow_call", new Condition(AlertLevel.WARNING, "slow", "A", "A.save", Map.of()), clock.millis()));
        assertNotNull(engine.fire(
                "other", new Condition(AlertLevel.WARNING, "slow", "A", "A.find", Map.of()), clock.millis()));
    }

    @Test
    void manualAlerts_areNeverSuppressed() {
        for (int i = 0; i < 3; i++) {
            engine.raise(AlertLevel.WARNING, "same", "c", Map.of());
        }
        assertEquals(3, engine.recent().size());
    }

    @Test
    void rules_raiseWhileTheyHoldAndResolveWhenTheyStop() {
        MeterRegistry registry = new MeterRegistry(clock, 60_000, 100);
        var queued = registry.gauge(MeterId.of("orders.queued"));
        engine.addRule(AlertRule.when(
                "backlog",
                AlertLevel.WARNING,
                "Backlog above 1,000",
                "orders",
                s -> s.gauges().anyMatch(g -> g.id().name().equals("orders.queued") && g.value() > 1_000)));

        queued.set(5_000);
        engine.evaluate(registry.snapshot());
        engine.evaluate(registry.snapshot()); // still holds: suppressed
        queued.set(10);
        engine.evaluate(registry.snapshot()); // resolved
        queued.set(5_000);
        engine.evaluate(registry.snapshot()); // holds again: raised at once

        assertEquals(2, engine.recent().size());
        assertEquals("backlog", engine.recent().get(0).rule());
        assertEquals("orders", engine.recent().get(0).component());
        assertEquals(1, engine.suppressed());
    }

    @Test
    void throwingRule_isCountedAndTheOthersStillRun() {
        MeterRegistry registry = new MeterRegistry(clock, 60_000, 100);
        engine.addRule(AlertRule.when("broken", AlertLevel.ERROR, "never", "x", s -> {
            throw new IllegalStateException("rule bug");
        }));
        engine.addRule(AlertRule.when("always", AlertLevel.INFO, "always", "y", s -> true));

        engine.evaluate(registry.snapshot());
        engine.evaluate(registry.snapshot());

        assertEquals(1, engine.recent().size());
        assertEquals(2, failures.count("rule:broken"));
        assertEquals(List.of("broken", "always"), engine.rules());
    }

    @Test
    void duplicateOrBlankRuleNames_areRejected() {
        engine.addRule(AlertRule.when("r", AlertLevel.INFO, "m", "c", s -> false));
        IllegalArgumentException dup = assertThrows(
                IllegalArgumentException.class,
                () -> engine.addRule(AlertRule.when("r", AlertLevel.INFO, "m", "c", s -> false)));
        assertTrue(dup.getMessage().contains("'r'"));
        assertThrows(IllegalArgumentException.class, () -> AlertRule.when(" ", AlertLevel.INFO, "m", "c", s -> false));
        assertTrue(engine.removeRule("r"));
        assertEquals(List.of(), engine.rules());
    }

    @Test
    void countsSince_haveEveryLevel() {
        engine.raise(AlertLevel.ERROR, "old", "c", Map.of());
        clock.advance(Duration.ofHours(2));
        long since = clock.millis();
        engine.raise(AlertLevel.ERROR, "new", "c", Map.of());
        engine.raise(AlertLevel.CRITICAL, "new", "c", Map.of());

        Map<AlertLevel, Long> counts = engine.countsSince(since);
        assertEquals(
                Map.of(AlertLevel.INFO, 0L, AlertLevel.WARNING, 0L, AlertLevel.ERROR, 1L, AlertLevel.CRITICAL, 1L),
                counts);
        assertEquals(2, engine.since(since).size());
    }

    @Test
    void badArguments_areRejectedWithTheirName() {
        NullPointerException npe =
                assertThrows(NullPointerException.class, () -> engine.raise(null, "m", "c", Map.of()));
        assertTrue(npe.getMessage().contains("level"));
        assertThrows(NullPointerException.class, () -> engine.raise(AlertLevel.INFO, "m", null, Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AlertEngine(clock, Duration.ofSeconds(1), 0, logger, failures));
        assertThrows(IllegalArgumentException.class, () -> engine.recent(-1));
    }

    @Test
    void nullDetails_areEmptyAndDetailsKeepTheirOrder() {
        Alert a = engine.raise(AlertLevel.INFO, "m", "c", null);
        assertEquals(Map.of(), a.details());
        var ordered = new java.util.LinkedHashMap<String, Object>();
        ordered.put("z", 1);
        ordered.put("a", null);
        Alert b = engine.raise(AlertLevel.INFO, "m", "c", ordered);
        assertEquals(List.of("z", "a"), List.copyOf(b.details().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> b.details().put("x", 1));
    }

    private Alert fire(AlertLevel level) {
        return engine.fire("memory", new Condition(level, "memory high", "system", "system", Map.of()), clock.millis());
    }
}
