package io.kmon.benchmarks;

import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The real implementation behind {@link Service}. Each method is kept out of line
 * ({@code DONT_INLINE}), so the direct baseline and every wrapped variant pay for the same
 * real call and differ only by what the wrapper adds.
 */
public final class Work implements Service {
    /** Blackhole tokens for about 1 µs; the baseline table shows what they take here. */
    static final long TOKENS_1US = 450;
    /** How long {@link #slow} spins: past the 1 ms {@code @SlowAlert} threshold. */
    static final long SLOW_NANOS = 1_100_000;

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long call(long x) {
        return x + 1;
    }

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long call1us(long x) {
        Blackhole.consumeCPU(TOKENS_1US);
        return x + 1;
    }

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long fail(long x) {
        throw BenchFailure.INSTANCE;
    }

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long slow(long x) {
        long end = System.nanoTime() + SLOW_NANOS;
        long spins = x;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins;
    }
}
