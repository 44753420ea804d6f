/**
 * Health checks: {@link io.kmon.health.HealthCheck}s registered for liveness, readiness or
 * both in a {@link io.kmon.health.HealthRegistry}, run in parallel with a timeout each, and
 * aggregated into an immutable {@link io.kmon.health.HealthReport}; plus the default checks
 * and the per-component readiness check.
 */
package io.kmon.health;
