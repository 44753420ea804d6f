package io.kmon.benchmarks;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;

/**
 * The monitored interface every benchmark calls, directly, through kmon's generated
 * {@code MonitoredService}, through a dynamic proxy, or inside another library's timer.
 * kmon's processor writes {@code MonitoredService} from this declaration at compile time,
 * exactly as it would in a user's project.
 */
@Monitored(name = "bench")
public interface Service {
    /** Trivial work: the cost of a call and nothing else. */
    long call(long x);

    /** About a microsecond of arithmetic: a small but real call. */
    long call1us(long x);

    /** Always throws the same pre-allocated {@link BenchFailure}. */
    long fail(long x);

    /** Spins for a little over a millisecond, past its 1 ms slow-call threshold. */
    @SlowAlert(millis = 1)
    long slow(long x);
}
