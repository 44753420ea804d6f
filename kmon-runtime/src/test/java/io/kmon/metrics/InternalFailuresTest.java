package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.testing.RecordingLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalFailuresTest {

    @Test
    void failures_areCountedPerSourceAndLoggedOncePerSource() {
        RecordingLogger logger = new RecordingLogger();
        InternalFailures failures = new InternalFailures(logger);
        for (int i = 0; i < 5; i++) {
            failures.record("sampler:cpu", new IllegalStateException("cpu gone " + i));
        }
        failures.record("listener", new RuntimeException("boom"));

        assertEquals(Map.of("listener", 1L, "sampler:cpu", 5L), failures.counts());
        assertEquals(6, failures.total());
        assertEquals(2, logger.lines().size());
        assertTrue(logger.lines().get(0).message().contains("sampler:cpu"));
        assertTrue(logger.lines().get(0).message().contains("cpu gone 0"));
        assertEquals(System.Logger.Level.WARNING, logger.lines().get(0).level());
    }

    @Test
    void throwingLogger_isCountedUnderLoggerAndNeverThrows() {
        InternalFailures failures = new InternalFailures(RecordingLogger.throwing());
        failures.record("rule:x", new RuntimeException());
        failures.record("rule:x", new RuntimeException());

        assertEquals(2, failures.count("rule:x"));
        assertEquals(1, failures.count(InternalFailures.LOGGER));
    }

    @Test
    void newSource_isAnnouncedOnceWithItsLiveCount() {
        List<String> announced = new ArrayList<>();
        InternalFailures failures =
                new InternalFailures(new RecordingLogger(), (source, count) -> announced.add(source));
        failures.record("a", new RuntimeException());
        failures.record("a", new RuntimeException());
        failures.record("b", new RuntimeException());

        assertEquals(List.of("a", "b"), announced);
    }

    @Test
    void describe_isClassAndMessageAndSurvivesBrokenExceptions() {
        assertEquals("java.lang.IllegalStateException: x", InternalFailures.describe(new IllegalStateException("x")));
        assertEquals("java.lang.IllegalStateException", InternalFailures.describe(new IllegalStateException()));
        String broken = InternalFailures.describe(new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException();
            }
        });
        assertTrue(broken.contains("getMessage threw"), broken);
    }
}
