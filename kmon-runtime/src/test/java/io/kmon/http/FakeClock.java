package io.kmon.http;

import io.kmon.metrics.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand. */
final class FakeClock implements Clock {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Override
    public long millis() {
        return now.get();
    }

    void advance(long millis) {
        now.addAndGet(millis);
    }
}
