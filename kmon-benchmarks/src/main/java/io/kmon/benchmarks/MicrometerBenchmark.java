package io.kmon.benchmarks;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 4: Micrometer's timers around the same trivial call, in a cumulative
 * {@link SimpleMeterRegistry} (what a Prometheus-style registry keeps): {@code Timer.start/stop},
 * {@code Timer.record} with a {@code nanoTime} pair, and a timer that publishes p50/p95/p99
 * from a sliding window, the closest match to kmon's timer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MicrometerBenchmark {
    private final Service direct = new Work();
    private SimpleMeterRegistry registry;
    private Timer timer;
    private Timer percentiles;
    private long x = 42;

    /** A cumulative registry with a plain timer and a percentile timer. */
    @Setup
    public void setUp() {
        registry = new SimpleMeterRegistry(new CumulativeConfig(), Clock.SYSTEM);
        timer = registry.timer("bench.micrometer");
        percentiles = Timer.builder("bench.micrometer.percentiles")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    /** {@code Timer.start(registry)} ... {@code sample.stop(timer)}. */
    @Benchmark
    public long startStop() {
        Timer.Sample sample = Timer.start(registry);
        long r = direct.call(x);
        sample.stop(timer);
        return r;
    }

    /** A {@code nanoTime} pair and {@code timer.record(nanos, NANOSECONDS)}. */
    @Benchmark
    public long record() {
        long start = System.nanoTime();
        long r = direct.call(x);
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return r;
    }

    /** {@code Timer.start/stop} on a timer with {@code publishPercentiles(0.5, 0.95, 0.99)}. */
    @Benchmark
    public long percentiles() {
        Timer.Sample sample = Timer.start(registry);
        long r = direct.call(x);
        sample.stop(percentiles);
        return r;
    }

    /** {@link SimpleConfig} in cumulative mode, whatever the default. */
    private static final class CumulativeConfig implements SimpleConfig {
        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public CountingMode mode() {
            return CountingMode.CUMULATIVE;
        }
    }
}
