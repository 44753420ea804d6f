package io.kmon.health;

/**
 * One health check. It runs on kmon's small health pool with a timeout; a check that throws
 * or returns null is reported {@code unhealthy} with the exception's class and message, one
 * that does not answer in time is reported {@code unhealthy} as timed out.
 */
@FunctionalInterface
public interface HealthCheck {
    /**
     * {@return the current state}
     *
     * @throws Exception when the check cannot tell; the registry reports it as unhealthy
     */
    HealthResult check() throws Exception;
}
