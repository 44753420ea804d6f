package io.kmon.health;

import io.kmon.metrics.Clock;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health checks of one {@code Kmon}, and the reports made by running them.
 *
 * <pre>{@code
 * kmon.health().register("db", () -> HealthResult.healthy(Map.of("pool", 4)));     // liveness + readiness
 * kmon.health().registerReadiness("cache", cache::health);
 * kmon.health().registerCritical("disk", diskCheck);    // unhealthy -> the whole report is unhealthy
 * HealthReport report = kmon.health().check();
 * }</pre>
 *
 * <p>Checks run in parallel on a small pool of daemon threads ({@code kmon-health-N}, at most
 * {@value #MAX_THREADS}, idle ones end after 30 s), each with the same timeout (default 2 s).
 * A report never takes much longer than the timeout, whatever the checks do: a check that
 * throws or returns null is {@code unhealthy} with the exception's class and message, one that
 * has not answered in time is {@code unhealthy} as timed out. Each check runs at most once at
 * a time: a report made while a check is still running (a concurrent request, or a check that
 * hangs) waits for that same run rather than starting another, so a hung check holds one
 * thread, not one per request.
 */
public final class HealthRegistry implements AutoCloseable {
    /** Most threads running checks at once. */
    public static final int MAX_THREADS = 8;

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
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startMillis = startMillis;
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "kmon-health-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Registers {@code check} for liveness and readiness, replacing any check of that name. */
    public void register(String name, HealthCheck check) {
        register(name, check, EnumSet.allOf(Probe.class), false);
    }

    /** Registers {@code check} for liveness only. */
    public void registerLiveness(String name, HealthCheck check) {
        register(name, check, EnumSet.of(Probe.LIVENESS), false);
    }

    /** Registers {@code check} for readiness only. */
    public void registerReadiness(String name, HealthCheck check) {
        register(name, check, EnumSet.of(Probe.READINESS), false);
    }

    /** Registers a critical {@code check} for liveness and readiness: when it is unhealthy, so is the report. */
    public void registerCritical(String name, HealthCheck check) {
        register(name, check, EnumSet.allOf(Probe.class), true);
    }

    /**
     * Registers {@code check} under {@code name}, replacing any check of that name.
     *
     * @param probes the reports it belongs to (at least one)
     * @param critical whether its being unhealthy makes the whole report unhealthy
     * @throws IllegalArgumentException when the name is blank or {@code probes} is empty
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
        checks.put(name, new Registration(name, check, EnumSet.copyOf(probes), critical));
    }

    /** Registers {@code check} unless a check of that name exists; true when it was registered. */
    public boolean registerIfAbsent(String name, HealthCheck check, Set<Probe> probes, boolean critical) {
        Objects.requireNonNull(name, "name");
        if (checks.containsKey(name)) {
            return false;
        }
        register(name, check, probes, critical);
        return true;
    }

    /** Removes the check {@code name}; false when there was none. */
    public boolean unregister(String name) {
        return checks.remove(name) != null;
    }

    /** The registered checks' names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(checks.keySet());
    }

    /** Runs every check. */
    public HealthReport check() {
        return run(null);
    }

    /** Runs the liveness checks. */
    public HealthReport checkLiveness() {
        return run(Probe.LIVENESS);
    }

    /** Runs the readiness checks. */
    public HealthReport checkReadiness() {
        return run(Probe.READINESS);
    }

    /** The timeout of each check. */
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
            results.put(r.name, result);
            anyBad |= result.status() != HealthStatus.HEALTHY;
            criticalDown |= r.critical && result.status() == HealthStatus.UNHEALTHY;
        }
        HealthStatus status = criticalDown ? HealthStatus.UNHEALTHY : anyBad ? HealthStatus.DEGRADED : HealthStatus.HEALTHY;
        return new HealthReport(status, timestamp, Math.max(0, timestamp - startMillis) / 1000.0, results);
    }

    /** The run of {@code r} in flight, or a new one. */
    private Run start(Registration r) {
        while (true) {
            Run current = r.inFlight.get();
            if (current != null) {
                return current;
            }
            Run mine = new Run(new CompletableFuture<>(), System.nanoTime());
            if (!r.inFlight.compareAndSet(null, mine)) {
                continue;
            }
            try {
                pool.execute(() -> {
                    HealthResult result = null;
                    try {
                        result = runOne(r.check, mine.startNanos);
                    } finally {
                        // Always end the run, or every later report would wait on it forever.
                        r.inFlight.compareAndSet(mine, null);
                        mine.future.complete(result != null ? result : notRun("the check's runner failed"));
                    }
                });
            } catch (RejectedExecutionException closed) {
                r.inFlight.compareAndSet(mine, null);
                mine.future.complete(notRun("the health registry is closed"));
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

    /** The run's result, waiting at most until the run is {@code timeout} old. */
    private HealthResult await(Run run) {
        long remaining = run.startNanos + timeoutNanos - System.nanoTime();
        try {
            return remaining > 0 || run.future.isDone()
                    ? run.future.get(Math.max(0, remaining), TimeUnit.NANOSECONDS)
                    : timedOut(run);
        } catch (TimeoutException e) {
            return timedOut(run);
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

    /** Threads now running or waiting to run checks (for tests and diagnostics). */
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
        final HealthCheck check;
        final Set<Probe> probes;
        final boolean critical;
        final AtomicReference<Run> inFlight = new AtomicReference<>();

        Registration(String name, HealthCheck check, Set<Probe> probes, boolean critical) {
            this.name = name;
            this.check = check;
            this.probes = probes;
            this.critical = critical;
        }
    }

    private record Run(CompletableFuture<HealthResult> future, long startNanos) {}
}
