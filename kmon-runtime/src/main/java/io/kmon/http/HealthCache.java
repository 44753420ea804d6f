package io.kmon.http;

import io.kmon.health.HealthReport;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A health report kept for a short time, so that probes and scrapers, however many and however
 * fast, run each check at most once per {@code ttl}. Single-flight: when the report is stale, one
 * request runs the checks and the others that arrive meanwhile wait for that run and share its
 * report. A {@link ReentrantLock} rather than {@code synchronized}, so waiting virtual threads do
 * not pin their carriers.
 */
final class HealthCache implements Supplier<HealthReport> {
    private final Supplier<HealthReport> checks;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock running = new ReentrantLock();
    private volatile HealthReport report;
    private volatile long takenAt;

    /**
     * A cache of {@code checks}.
     *
     * @param ttl how long a report is served again; zero runs the checks on every request (still one run at a time)
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    HealthCache(Supplier<HealthReport> checks, Duration ttl, LongSupplier nanoTime) {
        this.checks = checks;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public HealthReport get() {
        long asked = nanoTime.getAsLong();
        HealthReport fresh = freshSince(asked);
        if (fresh != null) {
            return fresh;
        }
        running.lock();
        try {
            // a run that started after this request arrived is as good as our own
            fresh = freshSince(asked);
            if (fresh != null) {
                return fresh;
            }
            long started = nanoTime.getAsLong();
            HealthReport r = checks.get();
            takenAt = started;
            report = r;
            return r;
        } finally {
            running.unlock();
        }
    }

    /** The cached report if it is younger than the ttl, or taken at or after {@code asked}; else null. */
    private HealthReport freshSince(long asked) {
        HealthReport r = report;
        if (r == null) {
            return null;
        }
        long at = takenAt;
        return at - asked >= 0 || nanoTime.getAsLong() - at < ttlNanos ? r : null;
    }
}
