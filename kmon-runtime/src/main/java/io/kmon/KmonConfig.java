package io.kmon;

import io.kmon.metrics.Clock;
import java.time.Duration;

/**
 * The settings of one {@link Kmon}, made by {@link Kmon.Builder}.
 *
 * @param clock the clock for windows, series and uptime
 * @param window the sliding window of timer percentiles
 * @param sampleInterval how often series are sampled
 * @param seriesCapacity points kept per series
 * @param maxSeriesNames metric names that keep series
 * @param maxSeriesPerName the cardinality cap per metric name
 * @param backgroundThread whether the background thread runs
 */
public record KmonConfig(
        Clock clock,
        Duration window,
        Duration sampleInterval,
        int seriesCapacity,
        int maxSeriesNames,
        int maxSeriesPerName,
        boolean backgroundThread) {}
