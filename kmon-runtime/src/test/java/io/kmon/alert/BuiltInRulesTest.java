package io.kmon.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.Counter;
import io.kmon.metrics.CumulativeBuckets;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MethodSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BuiltInRulesTest {
    private final FakeClock clock = new FakeClock();
    private final long start = clock.millis();
    private final MeterRegistry registry = new MeterRegistry(clock, 60_000, 3);

    @Test
    void failedCalls_aboveThresholdInTheLastHour_warnsAndStopsWhenTheHourPasses() {
        FailedCallsRule rule = new FailedCallsRule("errors.count", 10, Duration.ofHours(1), start);
        Counter errors = registry.counter(MeterId.of("errors.count"));
        errors.increment(10);
        assertEquals(List.of(), rule.evaluate(registry.snapshot()), "10 is not above 10");

        clock.advance(Duration.ofMinutes(1));
        errors.increment();
        List<Condition> firing = rule.evaluate(registry.snapshot());
        assertEquals(1, firing.size());
        assertEquals(AlertLevel.WARNING, firing.get(0).level());
        assertEquals(11L, firing.get(0).details().get("error_count"));
        assertEquals("1h", firing.get(0).details().get("timeframe"));

        clock.advance(Duration.ofMinutes(59));
        assertEquals(1, rule.evaluate(registry.snapshot()).size(), "the failures are still within the hour");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), rule.evaluate(registry.snapshot()), "an hour later none of them count");
        errors.increment(11);
        assertEquals(1, rule.evaluate(registry.snapshot()).size(), "new failures count again");
    }

    @Test
    void componentFailures_countPerComponentFromItsMethods() {
        ComponentFailuresRule rule = new ComponentFailuresRule(5, Duration.ofHours(1), start);
        MetricsSnapshot snapshot = registry.snapshot()
                .withMethods(List.of(
                        method("Db", "api", "find", Map.of("IOException", 4L)),
                        method("Db", "api", "save", Map.of("IOException", 1L, "SQLException", 1L)),
                        method("Cache", "kmon", "get", Map.of("X", 5L))));

        List<Condition> firing = rule.evaluate(snapshot);
        assertEquals(1, firing.size());
        assertEquals("Db", firing.get(0).component());
        assertEquals(6L, firing.get(0).details().get("error_count"));
        assertTrue(firing.get(0).message().contains("Db"));
    }

    private static MethodSnapshot method(String component, String prefix, String method, Map<String, Long> errors) {
        MeterId duration = MeterId.of(prefix + ".duration", "component", component, "method", method);
        return new MethodSnapshot(
                component,
                prefix,
                method,
                10,
                new TreeMap<>(errors),
                new MeterSnapshot.TimerSnapshot(duration, 0, 0, Optional.empty(), CumulativeBuckets.EMPTY));
    }

    @Test
    void memory_warnsAbove80AndIsCriticalAbove90() {
        MemoryRule rule = new MemoryRule();
        var gauge = registry.gauge(MeterId.of(MemoryRule.GAUGE));
        assertEquals(List.of(), rule.evaluate(registry.snapshot()), "unset gauge: nothing to say");
        gauge.set(80);
        assertEquals(List.of(), rule.evaluate(registry.snapshot()));
        gauge.set(85);
        Condition warning = rule.evaluate(registry.snapshot()).get(0);
        assertEquals(AlertLevel.WARNING, warning.level());
        assertEquals("Elevated memory usage: 85.0%", warning.message());
        gauge.set(95.25);
        Condition critical = rule.evaluate(registry.snapshot()).get(0);
        assertEquals(AlertLevel.CRITICAL, critical.level());
        assertEquals("system", critical.component());
        assertEquals(95.25, critical.details().get("memory_percent"));
    }

    @Test
    void cardinality_holdsWhileFoldingGrewWithinTheHoldPerMetricName() {
        CardinalityRule rule = new CardinalityRule(3, Duration.ofMinutes(5));
        assertEquals(List.of(), rule.evaluate(registry.snapshot()));
        for (int i = 0; i < 10; i++) {
            registry.counter(MeterId.of("user.login", "user", "u" + i)).increment();
        }
        List<Condition> firing = rule.evaluate(registry.snapshot());
        assertEquals(1, firing.size());
        assertEquals("user.login", firing.get(0).subject());
        assertEquals(7L, firing.get(0).details().get("folded"));

        clock.advance(Duration.ofMinutes(4));
        assertEquals(1, rule.evaluate(registry.snapshot()).size(), "a pause in the flood does not resolve it");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), rule.evaluate(registry.snapshot()), "nothing folded for a whole hold: resolved");
        registry.counter(MeterId.of("user.login", "user", "u99")).increment();
        assertEquals(1, rule.evaluate(registry.snapshot()).size());
    }

    @Test
    void sporadicFolding_raisesOncePerCooldownInAnEngine() {
        var engine = new AlertEngine(
                clock,
                Duration.ofMinutes(5),
                100,
                new io.kmon.testing.RecordingLogger(),
                new io.kmon.metrics.InternalFailures(new io.kmon.testing.RecordingLogger()));
        engine.addRule(new CardinalityRule(3, Duration.ofMinutes(5)));
        for (int minute = 0; minute < 10; minute++) {
            if (minute % 2 == 0) { // a new user every other minute, the rule every minute
                for (int i = 0; i < 4; i++) {
                    registry.counter(MeterId.of("user.login", "user", "m" + minute + "u" + i))
                            .increment();
                }
            }
            engine.evaluate(registry.snapshot());
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(2, engine.recent().size(), "at minutes 0 and 5, not at every growth");
    }

    @Test
    void rulesInAnEngine_raiseOncePerCooldownWhileTheConditionHolds() {
        var engine = new AlertEngine(
                clock,
                Duration.ofMinutes(5),
                100,
                new io.kmon.testing.RecordingLogger(),
                new io.kmon.metrics.InternalFailures(new io.kmon.testing.RecordingLogger()));
        engine.addRule(new MemoryRule());
        registry.gauge(MeterId.of(MemoryRule.GAUGE)).set(85);
        for (int minute = 0; minute < 10; minute++) {
            engine.evaluate(registry.snapshot());
            clock.advance(Duration.ofMinutes(1));
        }
        // Evaluated every minute for ten minutes: without a cooldown ten alerts; with 5 minutes, two.
        assertEquals(2, engine.recent().size());
        assertEquals(4, engine.recent().get(0).suppressed());
    }
}
