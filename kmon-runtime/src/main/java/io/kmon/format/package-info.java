/**
 * Writers of kmon's immutable snapshots, apart from any server: Prometheus text 0.0.4 and
 * OpenMetrics 1.0 ({@link io.kmon.format.PrometheusText}), and the JSON status of
 * {@code /metrics} ({@link io.kmon.format.StatusJson}, written with {@link io.kmon.format.Json}).
 * They read {@code MetricsSnapshot}, its typed methods and {@code HealthReport}, never a live
 * meter, so an exporter of one's own (a push job, a test) writes the same bytes as the server.
 */
package io.kmon.format;
