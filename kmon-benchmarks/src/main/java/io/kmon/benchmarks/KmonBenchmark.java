package io.kmon.benchmarks;

import io.kmon.Kmon;
import io.kmon.metrics.Timer;
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
 * Benchmark 2: kmon as a user gets it, the processor's {@code MonitoredService} wrapped around
 * {@link Work}, on success, on failure and past the {@code @SlowAlert} threshold; and the
 * timer's {@code record} alone. The state is shared, so at 2 threads both threads record into
 * the same method's counters and timer window, the case that exposes a shared cache line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KmonBenchmark {
    private final Service direct = new Work();
    private Kmon kmon;
    private Service monitored;
    private Timer timer;
    private long x = 42;
    private long nanos = 1_234;

    /**
     * One isolated instance as a service runs it (the background thread drains slow-call alerts),
     * without system metrics: OSHI sampling is not part of a monitored call.
     */
    @Setup
    public void setUp() {
        kmon = Kmon.builder().systemMetrics(false).build();
        monitored = MonitoredService.wrap(new Work(), kmon);
        timer = kmon.timer("bench.timer");
    }

    /** Releases the instance. */
    @TearDown
    public void tearDown() {
        kmon.close();
    }

    /** The monitored trivial call: compare with {@code BaselineBenchmark.direct}. */
    @Benchmark
    public long proxy() {
        return monitored.call(x);
    }

    /** The monitored ~1 µs call. */
    @Benchmark
    public long proxy1us() {
        return monitored.call1us(x);
    }

    /** The monitored failing call; the same exception object arrives here. */
    @Benchmark
    public long proxyFailure() {
        try {
            return monitored.fail(x);
        } catch (BenchFailure expected) {
            return -1;
        }
    }

    /** The monitored call past its 1 ms slow-call threshold. */
    @Benchmark
    public long proxySlow() {
        return monitored.slow(x);
    }

    /** {@code Timer.record} alone, the core of every monitored call. */
    @Benchmark
    public void timerRecord() {
        timer.record(nanos);
    }

    /** A user's own timing around the trivial call: {@code timer.start()} ... {@code sample.stop()}. */
    @Benchmark
    public long timerSample() {
        Timer.Sample sample = timer.start();
        long r = direct.call(x);
        sample.stop();
        return r;
    }
}
