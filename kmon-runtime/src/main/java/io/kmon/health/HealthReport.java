package io.kmon.health;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of running a set of checks, as {@code /health} writes it.
 * Immutable; serializes as a plain record (with a snake_case naming strategy its fields read
 * {@code status}, {@code timestamp}, {@code uptime_seconds}, {@code checks}).
 *
 * <p>Aggregation: every check healthy (or none) is {@code healthy}; any degraded or unhealthy
 * check makes it {@code degraded}; an unhealthy check registered as critical makes it
 * {@code unhealthy}.
 *
 * @param status the aggregate status
 * @param timestamp when the checks started, epoch milliseconds of kmon's clock
 * @param uptimeSeconds seconds since kmon started
 * @param checks each check's result by name, sorted by name
 */
public record HealthReport(
        HealthStatus status, long timestamp, double uptimeSeconds, Map<String, HealthResult> checks) {

    /**
     * Checks the fields and copies {@code checks}, sorted by name.
     *
     * @param status the aggregate status
     * @param timestamp when the checks started, epoch milliseconds of kmon's clock
     * @param uptimeSeconds seconds since kmon started
     * @param checks each check's result by name
     */
    public HealthReport {
        Objects.requireNonNull(status, "status");
        checks = Collections.unmodifiableMap(new TreeMap<>(checks));
    }
}
