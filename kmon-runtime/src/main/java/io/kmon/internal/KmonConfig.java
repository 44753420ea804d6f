package io.kmon.internal;

import io.kmon.metrics.Clock;
import java.time.Duration;

/**
 * The settings of one {@code io.kmon.Kmon}, made by {@code io.kmon.KmonBuilder}. Not API.
 *
 * @param clock the clock for windows, series, alerts and uptime
 * @param window the sliding window of timer percentiles
 * @param sampleInterval how often series and system metrics are sampled
 * @param seriesCapacity points kept per series
 * @param maxSeriesNames metric names that keep series
 * @param maxSeriesPerName the cardinality cap per metric name
 * @param backgroundThread whether the background thread runs
 * @param alertCooldown the least time between two alerts of one condition
 * @param ruleInterval how often the alert rules are evaluated
 * @param healthTimeout how long each health check may take
 * @param alertHistorySize alerts kept
 * @param maxErrorGroups error groups kept
 * @param componentFailureRatio share of a component's calls in 5 minutes that may fail before its
 *     readiness check is degraded
 * @param failedCallsThreshold failed calls in an hour above which a WARNING is raised
 * @param componentFailuresThreshold failed calls of one component in an hour above which a WARNING is raised
 * @param systemMetrics whether system, process and JVM figures are sampled
 * @param logger where alerts and contained failures are logged
 * @param maxMetricNames metric names registered before new names are refused
 * @param maxComponents monitored components kept before new ones go unlisted and unchecked
 * @param maxHealthChecks health checks registered at once
 * @param callbackTimeout how long a read waits for a gauge supplier or function counter
 */
public record KmonConfig(
        Clock clock,
        Duration window,
        Duration sampleInterval,
        int seriesCapacity,
        int maxSeriesNames,
        int maxSeriesPerName,
        boolean backgroundThread,
        Duration alertCooldown,
        Duration ruleInterval,
        Duration healthTimeout,
        int alertHistorySize,
        int maxErrorGroups,
        double componentFailureRatio,
        long failedCallsThreshold,
        long componentFailuresThreshold,
        boolean systemMetrics,
        System.Logger logger,
        int maxMetricNames,
        int maxComponents,
        int maxHealthChecks,
        Duration callbackTimeout) {}
