package io.kmon.benchmarks;

import io.kmon.Kmon;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 3: the same monitoring through a {@code java.lang.reflect.Proxy} (see
 * {@link TimingHandler}), which is what compile-time generation saves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DynamicProxyBenchmark {
    private Kmon kmon;
    private Service proxied;
    private long x = 42;

    /** One isolated instance, as in KmonBenchmark. */
    @Setup
    public void setUp() {
        kmon = Kmon.builder().systemMetrics(false).build();
        proxied = TimingHandler.wrap(Service.class, new Work(), kmon, "bench_dynamic");
    }

    /** Releases the instance. */
    @TearDown
    public void tearDown() {
        kmon.close();
    }

    /** The trivial call through the dynamic proxy. */
    @Benchmark
    public long dynamicProxy() {
        return proxied.call(x);
    }

    /** The failing call through the dynamic proxy. */
    @Benchmark
    public long dynamicProxyFailure() {
        try {
            return proxied.fail(x);
        } catch (BenchFailure expected) {
            return -1;
        }
    }
}
