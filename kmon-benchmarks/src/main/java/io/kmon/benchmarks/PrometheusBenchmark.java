package io.kmon.benchmarks;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 6: a Prometheus client_java 1.x histogram around the same trivial call, observed
 * with a {@code nanoTime} pair. The histogram is built with the library's defaults (classic
 * buckets and a native histogram), as a user who writes {@code Histogram.builder()} gets it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PrometheusBenchmark {
    private final Service direct = new Work();
    private Histogram histogram;
    private long x = 42;

    /** A default histogram in its own registry. */
    @Setup
    public void setUp() {
        histogram = Histogram.builder()
                .name("bench_prometheus_duration")
                .help("benchmark call duration")
                .unit(Unit.SECONDS)
                .register(new PrometheusRegistry());
    }

    /** A {@code nanoTime} pair and {@code histogram.observe(seconds)}. */
    @Benchmark
    public long observe() {
        long start = System.nanoTime();
        long r = direct.call(x);
        histogram.observe(Unit.nanosToSeconds(System.nanoTime() - start));
        return r;
    }
}
