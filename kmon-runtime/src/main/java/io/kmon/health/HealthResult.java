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

    /**
     * Checks the fields and converts {@code details} ({@link SafeValues}: bounded, serialisable).
     *
     * @param status the status
     * @param details structured facts, in insertion order
     * @param durationMillis how long the check took, in milliseconds
     */
    public HealthResult {
        Objects.requireNonNull(status, "status");
        details = SafeValues.details(details);
        if (!(durationMillis >= 0)) {
            throw new IllegalArgumentException("durationMillis must be a non-negative number: " + durationMillis);
        }
    }

    /** {@return a healthy result without details} */
    public static HealthResult healthy() {
        return new HealthResult(HealthStatus.HEALTHY, Map.of(), 0);
    }

    /**
     * {@return a healthy result}
     *
     * @param details structured facts, in insertion order
     */
    public static HealthResult healthy(Map<String, ?> details) {
        return of(HealthStatus.HEALTHY, details);
    }

    /** {@return a degraded result without details} */
    public static HealthResult degraded() {
        return new HealthResult(HealthStatus.DEGRADED, Map.of(), 0);
    }

    /**
     * {@return a degraded result}
     *
     * @param details structured facts, in insertion order
     */
    public static HealthResult degraded(Map<String, ?> details) {
        return of(HealthStatus.DEGRADED, details);
    }

    /** {@return an unhealthy result without details} */
    public static HealthResult unhealthy() {
        return new HealthResult(HealthStatus.UNHEALTHY, Map.of(), 0);
    }

    /**
     * {@return an unhealthy result}
     *
     * @param details structured facts, in insertion order
     */
    public static HealthResult unhealthy(Map<String, ?> details) {
        return of(HealthStatus.UNHEALTHY, details);
    }

    /**
     * {@return a result of any status}
     *
     * @param status the status
     * @param details structured facts, in insertion order
     */
    public static HealthResult of(HealthStatus status, Map<String, ?> details) {
        return new HealthResult(status, SafeValues.details(details), 0);
    }

    /**
     * {@return an unhealthy result because of {@code error}} Its details are the error's class
     * and message, never its stack trace.
     *
     * @param error what the check threw
     */
    public static HealthResult failed(Throwable error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", error.getClass().getName());
        String message = SafeValues.message(error);
        if (!message.isEmpty()) {
            details.put("message", message);
        }
        return new HealthResult(HealthStatus.UNHEALTHY, details, 0);
    }

    /**
     * {@return this result with {@code durationMillis} set}
     *
     * @param durationMillis how long the check took, in milliseconds
     */
    public HealthResult withDuration(double durationMillis) {
        return new HealthResult(status, details, durationMillis);
    }
}
