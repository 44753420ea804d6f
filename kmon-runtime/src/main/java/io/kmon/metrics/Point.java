package io.kmon.metrics;

/**
 * One sample of a recent series.
 *
 * @param timestampMillis when it was sampled
 * @param value the value (see {@link SeriesStore} for what each metric type records)
 */
public record Point(long timestampMillis, double value) {}
