package io.kmon.health;

import io.kmon.metrics.SafeValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one check found. Immutable; serializes as a plain record.
 *
 * <pre>{@code
 * kmon.health().register("db", () -> pool.ok()
 *         ? HealthResult.healthy(Map.of("pool", pool.size()))
 *         : HealthResult.unhealthy(Map.of("reason", "no connection")));
 * }</pre>
 *
 * @param status the status
 * @param details structured facts, in insertion order, converted by {@link SafeValues}; a check that failed has {@code error}
 *     (the exception class) and {@code message}
 * @param durationMillis how long the check took, in milliseconds (fractional); set by the
 *     registry, 0 in what a check returns
 */
public record HealthResult(HealthStatus status, Map<String, Object> details, double durationMillis) {

    /** Checks the fields and converts {@code details} ({@link SafeValues}: bounded, serialisable). */
    public HealthResult {
        Objects.requireNonNull(status, "status");
        details = SafeValues.details(details);
        if (!(durationMillis >= 0)) {
            throw new IllegalArgumentException("durationMillis must be a non-negative number: " + durationMillis);
        }
    }

    /** Healthy, no details. */
    public static HealthResult healthy() {
        return new HealthResult(HealthStatus.HEALTHY, Map.of(), 0);
    }

    /** Healthy, with details. */
    public static HealthResult healthy(Map<String, ?> details) {
        return of(HealthStatus.HEALTHY, details);
    }

    /** Degraded, no details. */
    public static HealthResult degraded() {
        return new HealthResult(HealthStatus.DEGRADED, Map.of(), 0);
    }

    /** Degraded, with details. */
    public static HealthResult degraded(Map<String, ?> details) {
        return of(HealthStatus.DEGRADED, details);
    }

    /** Unhealthy, no details. */
    public static HealthResult unhealthy() {
        return new HealthResult(HealthStatus.UNHEALTHY, Map.of(), 0);
    }

    /** Unhealthy, with details. */
    public static HealthResult unhealthy(Map<String, ?> details) {
        return of(HealthStatus.UNHEALTHY, details);
    }

    /** A result of any status. */
    public static HealthResult of(HealthStatus status, Map<String, ?> details) {
        return new HealthResult(status, SafeValues.details(details), 0);
    }

    /** Unhealthy because of {@code error}: its class and message, never its stack trace. */
    public static HealthResult failed(Throwable error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", error.getClass().getName());
        String message = SafeValues.message(error);
        if (!message.isEmpty()) {
            details.put("message", message);
        }
        return new HealthResult(HealthStatus.UNHEALTHY, details, 0);
    }

    /** This result with {@code durationMillis} set. */
    public HealthResult withDuration(double durationMillis) {
        return new HealthResult(status, details, durationMillis);
    }
}
