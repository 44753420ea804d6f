package io.kmon;

import io.kmon.metrics.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that tests move by hand. */
public final class ManualClock implements Clock {
    private final AtomicLong millis;

    public ManualClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    public ManualClock() {
        this(1_700_000_000_000L);
    }

    public void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }
}
