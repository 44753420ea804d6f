package io.kmon.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 1, the floor everything else is measured from: the unmonitored calls, and the
 * clock reads any timing needs. "Overhead" elsewhere in the report is a variant's time minus
 * the matching direct call here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BaselineBenchmark {
    private final Service direct = new Work();
    // A field, not a constant, so the JIT cannot fold the argument away.
    private long x = 42;

    /** A direct call to the trivial method, kept out of line. */
    @Benchmark
    public long direct() {
        return direct.call(x);
    }

    /** A direct call to the ~1 µs method. */
    @Benchmark
    public long direct1us() {
        return direct.call1us(x);
    }

    /** A direct call that throws the pre-allocated failure, caught here. */
    @Benchmark
    public long directFailure() {
        try {
            return direct.fail(x);
        } catch (BenchFailure expected) {
            return -1;
        }
    }

    /** A direct call to the method that spins past 1 ms. */
    @Benchmark
    public long directSlow() {
        return direct.slow(x);
    }

    /** One clock read. */
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Two clock reads and a subtraction: the least any timer around a call costs. */
    @Benchmark
    public long nanoTimePair() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }
}
