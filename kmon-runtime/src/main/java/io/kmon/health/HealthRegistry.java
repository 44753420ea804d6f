package io.kmon.health;

import io.kmon.health.CheckRunner.Registration;
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
import java.util.concurrent.ConcurrentHashMap;

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
    private final CheckRunner runner;

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
        this.runner = new CheckRunner(timeoutNanos, 2 * maxChecks);
    }

    /**
     * Registers {@code check} for readiness (and the full report), replacing any check of that name.
     * @param name the check's name
     * @param check the check
     */
    public void register(String name, HealthCheck check) {
        register(name, check, EnumSet.of(Probe.READINESS), false);
    }

    /**
     * Registers {@code check} for liveness and readiness: an unhealthy liveness report gets the
     * process restarted.
     * @param name the check's name
     * @param check the check
     */
    public void registerLiveness(String name, HealthCheck check) {
        register(name, check, EnumSet.allOf(Probe.class), false);
    }

    /**
     * Registers a critical {@code check} for readiness: when it is unhealthy, so is the readiness
     * report.
     * @param name the check's name
     * @param check the check
     */
    public void registerCritical(String name, HealthCheck check) {
        register(name, check, EnumSet.of(Probe.READINESS), true);
    }

    /**
     * Registers {@code check} under {@code name}, replacing any check of that name.
     *
     * @param name the check's name in reports
     * @param check the check
     * @param probes the reports it belongs to (at least one)
     * @param critical whether its being unhealthy makes the whole report unhealthy
     * @throws IllegalArgumentException when the name is blank or {@code probes} is empty
     * @throws IllegalStateException when {@code maxChecks} checks of other names are registered
     */
    public void register(String name, HealthCheck check, Set<Probe> probes, boolean critical) {
        if (!put(registration(name, check, probes, critical, false), true)) {
            throw new IllegalStateException("cannot register health check '" + SafeValues.text(name, 200) + "': "
                    + maxChecks + " checks are registered, the cap");
        }
    }

    /**
     * Registers {@code check} unless a check of that name exists or the cap is reached.
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
     * @param name the check's name
     * @param check the check; it must not block
     * @param probes the reports it belongs to (at least one)
     * @return true when it was registered
     */
    public boolean registerInlineIfAbsent(String name, HealthCheck check, Set<Probe> probes) {
        return put(registration(name, check, probes, false, true), false);
    }

    /** Checks the arguments every registration shares and bounds the name shown in reports. */
    private static Registration registration(
            String name, HealthCheck check, Set<Probe> probes, boolean critical, boolean inline) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(probes, "probes");
        if (name.isBlank()) {
            throw new IllegalArgumentException("health check name must not be blank: '" + name + "'");
        }
        if (probes.isEmpty()) {
            throw new IllegalArgumentException(
                    "health check '" + name + "' must belong to liveness, readiness or both");
        }
        return new Registration(
                name,
                SafeValues.text(name, SafeValues.MAX_STRING_BYTES),
                check,
                EnumSet.copyOf(probes),
                critical,
                inline);
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
     * {@return whether there was a check {@code name}, now removed}
     * @param name the check's name
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

    /** {@return the report of every check, run now} */
    public HealthReport check() {
        return run(null);
    }

    /** {@return the report of the liveness checks, run now} */
    public HealthReport checkLiveness() {
        return run(Probe.LIVENESS);
    }

    /** {@return the report of the readiness checks, run now} */
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
        List<CheckRunner.Run> runs = new ArrayList<>(selected.size());
        for (Registration r : selected) {
            runs.add(runner.start(r));
        }
        Map<String, HealthResult> results = new LinkedHashMap<>();
        boolean anyBad = false;
        boolean criticalDown = false;
        for (int i = 0; i < selected.size(); i++) {
            Registration r = selected.get(i);
            HealthResult result = runner.await(runs.get(i));
            results.put(r.shownName, result);
            anyBad |= result.status() != HealthStatus.HEALTHY;
            criticalDown |= r.critical && result.status() == HealthStatus.UNHEALTHY;
        }
        HealthStatus status =
                criticalDown ? HealthStatus.UNHEALTHY : anyBad ? HealthStatus.DEGRADED : HealthStatus.HEALTHY;
        return new HealthReport(status, timestamp, Math.max(0, timestamp - startMillis) / 1000.0, results);
    }

    /** {@return the threads now running checks or idle for up to 30 s} For tests and diagnostics. */
    public int threads() {
        return runner.threads();
    }

    /** Stops the pool: running checks are interrupted; reports made afterwards mark every check not run. */
    @Override
    public void close() {
        runner.close();
    }
}
