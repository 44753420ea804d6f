package io.kmon.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import org.junit.jupiter.api.Test;

/** The dynamic-proxy benchmark is only fair if the proxy does the generated code's work. */
class TimingHandlerTest {

    private static void exercise(Service service) {
        assertEquals(8, service.call(7));
        assertEquals(8, service.call(7));
        assertEquals(4, service.call1us(3));
        BenchFailure thrown = assertThrows(BenchFailure.class, () -> service.fail(1));
        assertSame(BenchFailure.INSTANCE, thrown);
    }

    private static void assertCounts(MetricsSnapshot s, String component) {
        assertEquals(2, s.count("kmon.successes", "component", component, "method", "call"));
        assertEquals(1, s.count("kmon.successes", "component", component, "method", "call1us"));
        assertEquals(2, s.count("kmon.duration", "component", component, "method", "call"));
        assertEquals(1, s.count("kmon.errors", "component", component, "method", "fail", "error_type", "BenchFailure"));
        assertEquals(1, s.count("errors.count"));
    }

    @Test
    void generatedAndDynamicProxy_recordTheSameMetrics() {
        try (Kmon generated = Kmon.builder().backgroundThread(false).build();
                Kmon dynamic = Kmon.builder().backgroundThread(false).build()) {
            exercise(MonitoredService.wrap(new Work(), generated));
            exercise(TimingHandler.wrap(Service.class, new Work(), dynamic, "bench"));

            assertCounts(generated.snapshot(), "bench");
            assertCounts(dynamic.snapshot(), "bench");
        }
    }

    @Test
    void dynamicProxy_passesObjectMethodsThroughUnmonitored() {
        try (Kmon kmon = Kmon.builder().backgroundThread(false).build()) {
            Service proxied = TimingHandler.wrap(Service.class, new Work(), kmon, "bench");

            proxied.hashCode();

            assertEquals(0, kmon.snapshot().sum("kmon.successes"));
        }
    }
}
