package io.kmon.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs health checks for {@link HealthRegistry}: an inline check on the caller's thread, any
 * other on a thread of its own ({@code kmon-health-N}), at most one run per check at a time, and
 * waits for each at most the timeout from its start, so a hung check delays no other.
 */
final class CheckRunner implements AutoCloseable {
    private final long timeoutNanos;
    private final ThreadPoolExecutor pool;

    /** A runner whose checks may take {@code timeoutNanos}, on at most {@code maxThreads} threads. */
    CheckRunner(long timeoutNanos, int maxThreads) {
        this.timeoutNanos = timeoutNanos;
        AtomicInteger threads = new AtomicInteger();
        // Direct hand-off, no queue: a run starts when it is asked for, or its time would be spent
        // waiting behind hung checks. At most one run per check (and a few of replaced checks that
        // still hang), so the registry asks for twice its cap on checks.
        this.pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "kmon-health-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The run of {@code r} in flight, or a new one; an inline check runs now, on this thread. */
    Run start(Registration r) {
        if (r.inline) {
            Run now = new Run(System.nanoTime());
            now.future.complete(runOne(r.check, now.startNanos));
            return now;
        }
        while (true) {
            Run current = r.inFlight.get();
            if (current != null) {
                return current;
            }
            Run mine = new Run(System.nanoTime());
            if (!r.inFlight.compareAndSet(null, mine)) {
                continue;
            }
            try {
                pool.execute(() -> {
                    HealthResult result = null;
                    try {
                        mine.startNanos = System.nanoTime();
                        result = runOne(r.check, mine.startNanos);
                    } finally {
                        // Always end the run, or every later report would wait on it forever.
                        r.inFlight.compareAndSet(mine, null);
                        mine.future.complete(result != null ? result : notRun("the check's runner failed"));
                    }
                });
            } catch (RejectedExecutionException closed) {
                r.inFlight.compareAndSet(mine, null);
                mine.future.complete(notRun(
                        pool.isShutdown()
                                ? "the health registry is closed"
                                : "no thread free: the runs of replaced checks still hang"));
            }
            return mine;
        }
    }

    private static HealthResult runOne(HealthCheck check, long startNanos) {
        HealthResult result;
        try {
            result = check.check();
            if (result == null) {
                result = HealthResult.failed(new NullPointerException("the health check returned null"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // kmon is closing
            result = HealthResult.failed(e);
        } catch (Exception | Error e) {
            // Errors too (StackOverflowError, NoClassDefFoundError...): this thread is ours,
            // and the report must say what happened rather than lose the check.
            result = HealthResult.failed(e);
        }
        return result.withDuration(millisSince(startNanos));
    }

    /**
     * The run's result, waiting at most until the run is {@code timeout} old, counted from when
     * its thread started it (the hand-off has no queue, but thread start-up is not the check's).
     */
    HealthResult await(Run run) {
        try {
            while (true) {
                long remaining = run.startNanos + timeoutNanos - System.nanoTime();
                if (remaining <= 0 && !run.future.isDone()) {
                    return timedOut(run);
                }
                try {
                    return run.future.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // loop: the deadline moves when the run started later than it was handed off
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRun("interrupted while waiting for the check");
        } catch (ExecutionException e) {
            return HealthResult.failed(e.getCause() == null ? e : e.getCause());
        }
    }

    private HealthResult timedOut(Run run) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", TimeoutException.class.getName());
        details.put("message", "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        return HealthResult.unhealthy(details).withDuration(millisSince(run.startNanos));
    }

    private static HealthResult notRun(String why) {
        return HealthResult.unhealthy(Map.of("error", "not run", "message", why));
    }

    private static double millisSince(long startNanos) {
        return Math.max(0, System.nanoTime() - startNanos) / 1_000_000.0;
    }

    /** Threads now running checks or idle for up to 30 s. */
    int threads() {
        return pool.getPoolSize();
    }

    /** Stops the pool: running checks are interrupted; later runs are marked not run. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A registered check and its run in flight, if any. */
    static final class Registration {
        final String name;
        final String shownName; // bounded, for reports and messages
        final HealthCheck check;
        final Set<HealthRegistry.Probe> probes;
        final boolean critical;
        final boolean inline;
        final AtomicReference<Run> inFlight = new AtomicReference<>();

        Registration(
                String name,
                String shownName,
                HealthCheck check,
                Set<HealthRegistry.Probe> probes,
                boolean critical,
                boolean inline) {
            this.inline = inline;
            this.name = name;
            this.shownName = shownName;
            this.check = check;
            this.probes = probes;
            this.critical = critical;
        }
    }

    /** One run of a check: when it was handed off, then when its thread started it. */
    static final class Run {
        final CompletableFuture<HealthResult> future = new CompletableFuture<>();
        volatile long startNanos;

        Run(long handedOffNanos) {
            this.startNanos = handedOffNanos;
        }
    }
}
