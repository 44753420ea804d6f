/**
 * Error aggregation, the local stand-in for an external error tracker: failures of the
 * monitored service grouped by component, method and exception type
 * ({@link io.kmon.errors.ErrorAggregator}), and an opt-in {@code java.util.logging} capture
 * ({@link io.kmon.errors.JulCapture}). kmon's own contained failures are not errors of the
 * service; they are counted in {@link io.kmon.metrics.InternalFailures}.
 */
package io.kmon.errors;
