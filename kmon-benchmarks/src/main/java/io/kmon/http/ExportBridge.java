package io.kmon.http;

import com.sun.net.httpserver.Headers;
import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Objects;

/**
 * The benchmarks' way into the exporter: the bodies of {@code /metrics/prometheus} and
 * {@code /metrics} as the endpoints build them, without a socket in between, so benchmark 7
 * times the writers and not the loopback. It lives in the exporter's package (on the class
 * path, one class loader: the same runtime package) because the endpoints and writers are
 * package-private; the benchmarks call nothing else in here.
 */
public final class ExportBridge {
    private final Endpoint prometheus;
    private final Endpoint metrics;
    private final Request prometheusRequest = request("/metrics/prometheus");
    private final Request metricsRequest = request("/metrics");

    /** The two endpoints of {@code kmon}. */
    public ExportBridge(Kmon kmon) {
        Objects.requireNonNull(kmon, "kmon");
        this.prometheus = new PrometheusEndpoint(kmon);
        this.metrics = new MetricsEndpoint(kmon);
    }

    private static Request request(String path) {
        return new Request(path, Query.parse(null), new Headers(), true);
    }

    /** The {@code /metrics/prometheus} body now: snapshot, conversion and Prometheus text. */
    public byte[] prometheusText() {
        return prometheus.handle(prometheusRequest).body();
    }

    /** The {@code /metrics} JSON body now: snapshot, summary and JSON. */
    public byte[] metricsJson() {
        return metrics.handle(metricsRequest).body();
    }

    /** Prometheus text of an existing snapshot: conversion and writing only. */
    public static byte[] prometheusText(MetricsSnapshot snapshot) {
        return PrometheusWriter.write(snapshot, null).body();
    }

    /** The client_java model the exporter writes for {@code snapshot}: the reference's input. */
    public static MetricSnapshots prometheusModel(MetricsSnapshot snapshot) {
        return PrometheusWriter.convert(snapshot);
    }
}
