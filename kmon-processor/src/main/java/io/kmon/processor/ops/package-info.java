/**
 * Operations resources written next to each generated class, under {@code META-INF/kmon/}:
 * Prometheus alerting rules equivalent to the in-process alerts, a Grafana dashboard and a
 * metric catalogue, all naming series as {@link io.kmon.annotations.MetricNaming} says the
 * runtime's exporter writes them. Plain text builders: no JavaPoet, no runtime types.
 */
package io.kmon.processor.ops;
