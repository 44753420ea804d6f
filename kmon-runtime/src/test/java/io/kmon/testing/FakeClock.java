package io.kmon.testing;

import io.kmon.metrics.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test moves it. */
public final class FakeClock implements Clock {
    private final AtomicLong millis;

    /** A clock at {@code startMillis}. */
    public FakeClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    /** A clock at an arbitrary fixed instant. */
    public FakeClock() {
        this(1_700_000_000_000L);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    /** Moves the clock forward. */
    public void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }
}
