package io.kmon.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemMetricsTest {
    private final MeterRegistry registry = new MeterRegistry(new FakeClock(), 60_000, 100);
    private final RecordingLogger logger = new RecordingLogger();
    private final InternalFailures failures = new InternalFailures(logger);
    private SystemMetrics metrics;

    @AfterEach
    void close() {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void realOshi_setsEveryGaugeWithinItsRange() {
        metrics = new SystemMetrics(registry, failures);
        metrics.sampleNow();
        metrics.sampleNow(); // CPU load is measured between two samples

        MetricsSnapshot s = registry.snapshot();
        assertEquals(1.0, gauge(s, SystemMetrics.OSHI_AVAILABLE), "OSHI loads on this platform");
        assertEquals("oshi", metrics.probe().source());
        assertPercent(gauge(s, "system.memory.usage_percent"));
        assertTrue(gauge(s, "system.memory.available_mb") > 0);
        assertTrue(gauge(s, "system.memory.total_mb") >= gauge(s, "system.memory.available_mb"));
        assertPercent(gauge(s, "system.cpu.usage_percent"));
        assertPercent(gauge(s, "system.disk.usage_percent"));
        assertTrue(gauge(s, "jvm.memory.heap.used_bytes") > 0);
        assertTrue(gauge(s, "jvm.threads.live") >= 1);
        assertTrue(gauge(s, "process.uptime_seconds") > 0);
        assertEquals(0, failures.total(), failures.counts().toString());
    }

    @Test
    void gcPauses_areTimedPerCollector() {
        metrics = new SystemMetrics(registry, failures);
        assertTrue(
                registry.snapshot().timers().anyMatch(t -> t.id().name().equals("jvm.gc.pause")),
                "one series per collector exists before the first collection");
    }

    @Test
    void oshiThatCannotLoad_fallsBackToTheJdkAndSaysSo() {
        metrics = new SystemMetrics(
                registry,
                failures,
                () -> {
                    throw new NoClassDefFoundError("com/sun/jna/Native");
                },
                Path.of(""));
        metrics.sampleNow();
        metrics.sampleNow();

        MetricsSnapshot s = registry.snapshot();
        assertEquals(0.0, gauge(s, SystemMetrics.OSHI_AVAILABLE));
        assertEquals("jdk", metrics.probe().source());
        assertPercent(gauge(s, "system.memory.usage_percent"));
        assertEquals(1, failures.count("oshi"), "counted once: OSHI is not retried each sample");
        assertEquals(1, logger.containing("oshi").size());
    }

    @Test
    void oshiNotOnTheClassPath_usesTheJdkWithoutAFailure() {
        metrics = new SystemMetrics(registry, failures, () -> null, Path.of(""));
        metrics.sampleNow();

        MetricsSnapshot s = registry.snapshot();
        assertEquals(0.0, gauge(s, SystemMetrics.OSHI_AVAILABLE));
        assertEquals("jdk", metrics.probe().source());
        assertPercent(gauge(s, "system.memory.usage_percent"));
        assertTrue(gauge(s, "system.memory.available_mb") > 0);
        assertEquals(0, failures.total(), "an optional dependency left out is not a failure");
        assertTrue(logger.containing("oshi").isEmpty());
    }

    @Test
    void oshiPresence_isWhatTheClassLoaderSees() {
        assertTrue(SystemProbes.isOshiPresent(SystemMetricsTest.class.getClassLoader()), "the tests have OSHI");
        assertFalse(SystemProbes.isOshiPresent(ClassLoader.getPlatformClassLoader()), "the JDK alone has none");
        assertEquals("oshi", SystemProbes.oshiIfPresent().source());
    }

    @Test
    void throwingSampler_isCountedLoggedOnceAndTheOthersStillRun() {
        AtomicInteger cpuCalls = new AtomicInteger();
        SystemProbe flaky = new SystemProbe() {
            @Override
            public String source() {
                return "fake";
            }

            @Override
            public MemoryReading memory() {
                return new MemoryReading(1000, 250);
            }

            @Override
            public double cpuUsagePercent() {
                cpuCalls.incrementAndGet();
                throw new IllegalStateException("sensor gone");
            }
        };
        metrics = new SystemMetrics(registry, failures, () -> flaky, Path.of(""));
        for (int i = 0; i < 3; i++) {
            metrics.sampleNow();
        }

        MetricsSnapshot s = registry.snapshot();
        assertEquals(3, cpuCalls.get());
        assertEquals(3, failures.count("sampler:system.cpu"));
        assertEquals(1, logger.containing("sampler:system.cpu").size(), "logged once");
        assertTrue(Double.isNaN(gauge(s, "system.cpu.usage_percent")), "a failed sampler's gauge is cleared");
        assertEquals(75.0, gauge(s, "system.memory.usage_percent"));
        assertTrue(gauge(s, "jvm.threads.live") >= 1, "later samplers still ran");
    }

    @Test
    void missingDisk_failsOnlyItsSampler() {
        metrics = new SystemMetrics(registry, failures, SystemProbes::jdk, Path.of("/no/such/dir/for/kmon"));
        metrics.sampleNow();

        assertEquals(1, failures.count("sampler:system.disk"));
        assertFalse(Double.isNaN(gauge(registry.snapshot(), "system.memory.usage_percent")));
    }

    @Test
    void jdkProbe_readsMemory() {
        MemoryReading m = SystemProbes.jdk().memory();
        assertTrue(m.totalBytes() > 0);
        assertPercent(m.usagePercent());
    }

    @Test
    void memoryReading_percentAndMegabytes() {
        MemoryReading m = new MemoryReading(4L << 30, 1L << 30);
        assertEquals(75.0, m.usagePercent());
        assertEquals(1024.0, m.availableMb());
        assertTrue(Double.isNaN(new MemoryReading(0, 0).usagePercent()));
    }

    private static double gauge(MetricsSnapshot s, String name) {
        return s.find(MeterId.of(name))
                .map(m -> ((MeterSnapshot.GaugeSnapshot) m).value())
                .orElseThrow();
    }

    private static void assertPercent(double v) {
        assertTrue(v >= 0 && v <= 100, "not a percentage: " + v);
    }
}
