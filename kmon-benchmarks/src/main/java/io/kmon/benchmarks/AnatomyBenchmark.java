package io.kmon.benchmarks;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.internal.MethodMonitor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Not one of the benchmarks: the parts of kmon's hot path, priced one by one, so the
 * report can say where a monitored call's time goes. {@code MethodMonitor.success} is one
 * {@code LongAdder} (successes) plus {@code Timer.record}: two more {@code LongAdder}s (count,
 * total) and, in the window, one {@code AtomicIntegerArray} increment and two plain reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AnatomyBenchmark {
    // Stride between per-thread slots: 64 ints = 256 bytes, clear of a line and its prefetched pair.
    private static final int STRIDE = 64;

    private Kmon kmon;
    private MethodMonitor handle;
    private final LongAdder adder = new LongAdder();
    private final AtomicLong atomic = new AtomicLong();
    private final AtomicIntegerArray buckets = new AtomicIntegerArray(800);
    private long nanos = 1_234;
    private int bucket = 400;

    /** Each thread's own slot in {@link #buckets}, far enough apart not to share a line. */
    @State(Scope.Thread)
    public static class OwnSlot {
        int index;

        /**
         * Picks the slot from the thread's index, never slot 0: it shares a line with the array's
         * length, which every increment's bounds check reads.
         */
        @Setup
        public void setUp(ThreadParams threads) {
            index = (threads.getThreadIndex() + 1) * STRIDE;
        }
    }

    /** One handle in an isolated {@code Kmon}, set up as in KmonBenchmark. */
    @Setup
    public void setUp() {
        kmon = Kmon.builder().systemMetrics(false).build();
        handle = kmon.component("anatomy", "kmon").method("m", 0, AlertLevel.WARNING);
    }

    /** Releases the instance. */
    @TearDown
    public void tearDown() {
        kmon.close();
    }

    /** {@code MethodMonitor.success(nanos)}: everything a monitored call records, without the clock. */
    @Benchmark
    public void handleSuccess() {
        handle.success(nanos);
    }

    /** One {@code LongAdder.increment()} on an adder all threads share (kmon does three per call). */
    @Benchmark
    public void longAdder() {
        adder.increment();
    }

    /** One {@code AtomicLong.incrementAndGet()} all threads share: what striping avoids. */
    @Benchmark
    public long atomicLong() {
        return atomic.incrementAndGet();
    }

    /** The window's bucket increment when every thread's durations fall in the same bucket. */
    @Benchmark
    public int bucketSameSlot() {
        return buckets.getAndIncrement(bucket);
    }

    /** The same increment when each thread has a bucket on its own cache line. */
    @Benchmark
    public int bucketOwnSlot(OwnSlot slot) {
        return buckets.getAndIncrement(slot.index);
    }
}
