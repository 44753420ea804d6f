package io.kmon.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One server's deadline for reading a request, enforced on its own exchanges rather than through
 * the JDK's JVM-wide {@code sun.net.httpserver.maxReqTime}, so two servers can differ. An exchange
 * is "reading" from the moment its thread starts until {@link Router} is called, which is when the
 * JDK has the request line and headers. A reading exchange past the deadline has its thread
 * interrupted: its blocked socket read then fails and the JDK closes the connection.
 *
 * <p>The state of each exchange changes under its own lock, so an interrupt is delivered only
 * while the exchange still reads: never into an endpoint, and never into the next exchange the
 * same pool thread runs.
 */
final class ReadDeadline {
    private static final ThreadLocal<Reading> CURRENT = new ThreadLocal<>();

    private final long timeoutNanos;
    private final Set<Reading> reading = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    /** Checks every fifth of {@code timeout} (between 50 ms and 1 s) on one daemon thread named {@code name}. */
    ReadDeadline(Duration timeout, String name) {
        this.timeoutNanos = timeout.toNanos();
        long tick = Math.max(50, Math.min(1000, timeout.toMillis() / 5));
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleWithFixedDelay(this::expireLate, tick, tick, TimeUnit.MILLISECONDS);
        this.ticker = t;
    }

    /** {@code exchange}, reading under this deadline until {@link #requestRead()}. */
    Runnable track(Runnable exchange) {
        return () -> {
            Reading r = new Reading(Thread.currentThread(), System.nanoTime());
            reading.add(r);
            CURRENT.set(r);
            try {
                exchange.run();
            } finally {
                CURRENT.remove();
                reading.remove(r);
                r.finish();
            }
        };
    }

    /**
     * Marks the current exchange's request as read; false when its deadline already passed (the
     * thread is interrupted and the connection is being closed: do not answer).
     */
    static boolean requestRead() {
        Reading r = CURRENT.get();
        return r == null || r.handled();
    }

    /** Stops the checking thread and waits (briefly) for it to end. */
    void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void expireLate() {
        long now = System.nanoTime();
        for (Reading r : reading) {
            if (now - r.started >= timeoutNanos) {
                r.expire();
            }
        }
    }

    /** One exchange's state: reading, then handling or expired, then done. */
    private static final class Reading {
        private final Thread thread;
        private final long started;
        private boolean handling;
        private boolean expired;
        private boolean done;

        Reading(Thread thread, long started) {
            this.thread = thread;
            this.started = started;
        }

        synchronized boolean handled() {
            if (!expired) {
                handling = true;
            }
            return handling;
        }

        synchronized void expire() {
            if (!handling && !done && !expired) {
                expired = true;
                thread.interrupt();
            }
        }

        void finish() {
            boolean wasExpired;
            synchronized (this) {
                done = true;
                wasExpired = expired;
            }
            if (wasExpired) {
                Thread.interrupted(); // the interrupt was for this exchange only
            }
        }
    }
}
