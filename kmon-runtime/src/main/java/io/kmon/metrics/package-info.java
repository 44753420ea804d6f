/**
 * Counters, gauges and timers with tags, their sliding windows, recent series and the
 * immutable {@link io.kmon.metrics.MetricsSnapshot} that every reader works from.
 */
package io.kmon.metrics;
