package io.kmon.health;

import io.kmon.metrics.Clock;
import io.kmon.metrics.SafeValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health checks of one {@code Kmon}, and the reports made by running them.
 *
 * <pre>{@code
 * kmon.health().register("db", () -> HealthResult.healthy(Map.of("pool", 4)));     // readiness
 * kmon.health().registerLiveness("deadlock", deadlockCheck);  // liveness too: only when asked
 * kmon.health().registerCritical("disk", diskCheck);    // unhealthy -> the readiness report is unhealthy
 * HealthReport report = kmon.health().check();
 * }</pre>
 *
 * <p>A user's check belongs to liveness only when registered for it ({@link #registerLiveness}
 * or {@link #register(String, HealthCheck, Set, boolean)}): a slow database must make the
 * service not ready, never get it restarted.
 *
 * <p>Checks run in parallel on daemon threads ({@code kmon-health-N}, idle ones end after
 * 30 s), each with the same timeout (default 2 s) counted from when that check starts. There is
 * no queue: each run gets a thread at once, and since each check runs at most once at a time
 * (a report made while a check is still running, a concurrent request or a hung check, waits
 * for that same run rather than starting another), the threads are bounded by the number of
 * checks, itself capped ({@code maxChecks}, default {@value #DEFAULT_MAX_CHECKS}). kmon's own
 * checks, which cannot block, run on the reporting thread ({@link #registerInlineIfAbsent}). So a hung
 * check holds one thread, not one per request, and can never delay another check. A report
 * never takes much longer than the timeout, whatever the checks do: a check that throws or
 * returns null is {@code unhealthy} with the exception's class and message, one that has not
 * answered in time is {@code unhealthy} as timed out.
 */
public final class HealthRegistry implements AutoCloseable {
    /** The default cap on registered checks (and so on threads running checks). */
    public static final int DEFAULT_MAX_CHECKS = 200;

    /** Which reports a check belongs to. */
    public enum Probe {
        /** {@link #checkLiveness()}: is the process alive, or should it be restarted? */
        LIVENESS,
        /** {@link #checkReadiness()}: can it take traffic now? */
        READINESS
    }

    private final Clock clock;
    private final long startMillis;
    private final long timeoutNanos;
    private final int maxChecks;
    private int threaded; // registered checks that run on the pool; guarded by this
    private final ConcurrentHashMap<String, Registration> checks = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;

    /**
     * A registry.
     *
     * @param clock stamps reports
     * @param startMillis when kmon started, for uptime
     * @param timeout how long each check may take
     */
    public HealthRegistry(Clock clock, long startMillis, Duration timeout) {
        this(clock, startMillis, timeout, DEFAULT_MAX_CHECKS);
    }

    /**
     * A registry with a cap on checks.
     *
     * @param clock stamps reports
     * @param startMillis when kmon started, for uptime
     * @param timeout how long each check may take, from its start
     * @param maxChecks the most checks registered at once
     */
    public HealthRegistry(Clock clock, long startMillis, Duration timeout, int maxChecks) {
        if (maxChecks <= 0) {
            throw new IllegalArgumentException("maxChecks must be positive: " + maxChecks);
        }
        this.maxChecks = maxChecks;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startMillis = startMillis;
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        AtomicInteger threads = new AtomicInteger();
        // Direct hand-off, no queue: a run starts when it is asked for, or its time would be spent
        // waiting behind hung checks. At most one run per check (and a few of replaced checks that
        // still hang), so at most 2 * maxChecks threads.
        this.pool = new ThreadPoolExecutor(0, 2 * maxChecks, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "kmon-health-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Registers {@code check} for readiness (and the full report), replacing any check of that name.
     *
     * @param name the check's name
     * @param check the check
     */
    public void register(String name, HealthCheck check) {
        register(name, check, EnumSet.of(Probe.READINESS), false);
    }

    /**
     * Registers {@code check} for liveness and readiness: an unhealthy liveness report gets the
     * process restarted.
     *
     * @param name the check's name
     * @param check the check
     */
    public void registerLiveness(String name, HealthCheck check) {
        register(name, check, EnumSet.allOf(Probe.class), false);
    }

    /**
     * Registers {@code check} for readiness only.
     *
     * @param name the check's name
     * @param check the check
     */
    public void registerReadiness(String name, HealthCheck check) {
        register(name, check, EnumSet.of(Probe.READINESS), false);
    }

    /**
     * Registers a critical {@code check} for readiness: when it is unhealthy, so is the readiness
     * report.
     *
     * @param name the check's name
     * @param check the check
     */
    public void registerCritical(String name, HealthCheck check) {
        register(name, check, EnumSet.of(Probe.READINESS), true);
    }

    /**
     * Registers {@code check} under {@code name}, replacing any check of that name.
     *
     * @param name the check's name
     * @param check the check
     * @param probes the reports it belongs to (at least one)
     * @param critical whether its being unhealthy makes the whole report unhealthy
     * @throws IllegalArgumentException when the name is blank or {@code probes} is empty
     * @throws IllegalStateException when {@code maxChecks} checks of other names are registered
     */
    public void register(String name, HealthCheck check, Set<Probe> probes, boolean critical) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(probes, "probes");
        if (name.isBlank()) {
            throw new IllegalArgumentException("health check name must not be blank: '" + name + "'");
        }
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("health check '" + name + "' must belong to liveness, readiness or both");
        }
        if (!put(registration(name, check, probes, critical, false), true)) {
            throw new IllegalStateException("cannot register health check '" + SafeValues.text(name, 200) + "': "
                    + maxChecks + " checks are registered, the cap");
        }
    }

    /**
     * Registers {@code check} unless a check of that name exists or the cap is reached.
     *
     * @param name the check's name
     * @param check the check
     * @param probes the reports it belongs to (at least one)
     * @param critical whether its being unhealthy makes the whole report unhealthy
     * @return true when it was registered
     */
    public boolean registerIfAbsent(String name, HealthCheck check, Set<Probe> probes, boolean critical) {
        return put(registration(name, check, probes, critical, false), false);
    }

    /**
     * Registers a non-critical check that runs on the reporting thread, unless a check of that
     * name exists; true when it was registered. For kmon's own checks (uptime, memory, a
     * component's error ratio), which read memory and cannot block: running them inline costs
     * no thread, and they do not count against {@code maxChecks} (components have their own cap).
     *
     * @param name the check's name
     * @param check the check; it must not block
     * @param probes the reports it belongs to (at least one)
     * @return true when it was registered
     */
    public boolean registerInlineIfAbsent(String name, HealthCheck check, Set<Probe> probes) {
        return put(registration(name, check, probes, false, true), false);
    }

    private static Registration registration(String name, HealthCheck check, Set<Probe> probes, boolean critical,
            boolean inline) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(probes, "probes");
        if (name.isBlank()) {
            throw new IllegalArgumentException("health check name must not be blank: '" + name + "'");
        }
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("health check '" + name + "' must belong to liveness, readiness or both");
        }
        return new Registration(name, SafeValues.text(name, SafeValues.MAX_STRING_BYTES), check,
                EnumSet.copyOf(probes), critical, inline);
    }

    /**
     * Adds {@code r} (or replaces a check of its name, when {@code replace}) unless that would pass
     * the cap on threaded checks; the lock keeps the count exact.
     */
    private synchronized boolean put(Registration r, boolean replace) {
        Registration old = checks.get(r.name);
        if (old != null && !replace) {
            return false;
        }
        int after = threaded + (r.inline ? 0 : 1) - (old == null || old.inline ? 0 : 1);
        if (after > maxChecks) {
            return false;
        }
        checks.put(r.name, r);
        threaded = after;
        return true;
    }

    /** {@return the cap on registered checks} */
    public int maxChecks() {
        return maxChecks;
    }

    /**
     * Removes the check {@code name}.
     *
     * @param name the check's name
     * @return false when there was none
     */
    public synchronized boolean unregister(String name) {
        Registration old = checks.remove(name);
        if (old != null && !old.inline) {
            threaded--;
        }
        return old != null;
    }

    /** {@return the registered checks' names, sorted} */
    public Set<String> names() {
        return new TreeSet<>(checks.keySet());
    }

    /**
     * Runs every check.
     *
     * @return the report
     */
    public HealthReport check() {
        return run(null);
    }

    /**
     * Runs the liveness checks.
     *
     * @return the liveness report
     */
    public HealthReport checkLiveness() {
        return run(Probe.LIVENESS);
    }

    /**
     * Runs the readiness checks.
     *
     * @return the readiness report
     */
    public HealthReport checkReadiness() {
        return run(Probe.READINESS);
    }

    /** {@return the timeout of each check} */
    public Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    private HealthReport run(Probe probe) {
        long timestamp = clock.millis();
        List<Registration> selected = new ArrayList<>();
        for (Registration r : checks.values()) {
            if (probe == null || r.probes.contains(probe)) {
                selected.add(r);
            }
        }
        List<Run> runs = new ArrayList<>(selected.size());
        for (Registration r : selected) {
            runs.add(start(r));
        }
        Map<String, HealthResult> results = new LinkedHashMap<>();
        boolean anyBad = false;
        boolean criticalDown = false;
        for (int i = 0; i < selected.size(); i++) {
            Registration r = selected.get(i);
            HealthResult result = await(runs.get(i));
            results.put(r.shownName, result);
            anyBad |= result.status() != HealthStatus.HEALTHY;
            criticalDown |= r.critical && result.status() == HealthStatus.UNHEALTHY;
        }
        HealthStatus status = criticalDown ? HealthStatus.UNHEALTHY : anyBad ? HealthStatus.DEGRADED : HealthStatus.HEALTHY;
        return new HealthReport(status, timestamp, Math.max(0, timestamp - startMillis) / 1000.0, results);
    }

    /** The run of {@code r} in flight, or a new one; an inline check runs now, on this thread. */
    private Run start(Registration r) {
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
                mine.future.complete(notRun(pool.isShutdown() ? "the health registry is closed"
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
    private HealthResult await(Run run) {
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

    /**
     * {@return the threads now running checks or idle for up to 30 s} For tests and diagnostics.
     */
    public int threads() {
        return pool.getPoolSize();
    }

    /** Stops the pool: running checks are interrupted; reports made afterwards mark every check not run. */
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
    private static final class Registration {
        final String name;
        final String shownName; // bounded, for reports and messages
        final HealthCheck check;
        final Set<Probe> probes;
        final boolean critical;
        final boolean inline;
        final AtomicReference<Run> inFlight = new AtomicReference<>();

        Registration(String name, String shownName, HealthCheck check, Set<Probe> probes, boolean critical,
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
    private static final class Run {
        final CompletableFuture<HealthResult> future = new CompletableFuture<>();
        volatile long startNanos;

        Run(long handedOffNanos) {
            this.startNanos = handedOffNanos;
        }
    }
}
