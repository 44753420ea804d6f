/**
 * Counters, gauges and timers with tags, their sliding windows, recent series and the
 * immutable {@link io.kmon.metrics.MetricsSnapshot} that every reader works from, with its
 * typed monitored methods ({@link io.kmon.metrics.MethodSnapshot}). Every name and tag kmon
 * writes is in {@link io.kmon.metrics.MetricNames}; kmon's own contained failures are counted
 * in {@link io.kmon.metrics.InternalFailures}. This package depends on no other kmon package.
 */
package io.kmon.metrics;
