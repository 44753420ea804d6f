package io.kmon.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.SlidingTimeWindowArrayReservoir;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 5: Dropwizard Metrics' {@code Timer.time()} around the same trivial call, with the
 * default reservoir ({@code ExponentiallyDecayingReservoir}) and with a
 * {@link SlidingTimeWindowArrayReservoir}. That reservoir keeps every sample of its window, so
 * the window here is one second: at these call rates a longer one would hold gigabytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DropwizardBenchmark {
    private final Service direct = new Work();
    private Timer defaultTimer;
    private Timer slidingTimer;
    private long x = 42;

    /** A registry's default timer and a sliding-window timer. */
    @Setup
    public void setUp() {
        MetricRegistry registry = new MetricRegistry();
        defaultTimer = registry.timer("bench.dropwizard");
        slidingTimer = registry.register(
                "bench.dropwizard.sliding", new Timer(new SlidingTimeWindowArrayReservoir(1, TimeUnit.SECONDS)));
    }

    /** {@code Timer.Context c = timer.time()} ... {@code c.stop()} with the default reservoir. */
    @Benchmark
    public long timeDefault() {
        Timer.Context c = defaultTimer.time();
        long r = direct.call(x);
        c.stop();
        return r;
    }

    /** The same with a one-second {@code SlidingTimeWindowArrayReservoir}. */
    @Benchmark
    public long timeSlidingWindow() {
        Timer.Context c = slidingTimer.time();
        long r = direct.call(x);
        c.stop();
        return r;
    }
}
