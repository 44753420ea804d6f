package io.kmon.benchmarks;

import io.kmon.Kmon;
import io.kmon.format.Json;
import io.kmon.format.PrometheusText;
import io.kmon.format.StatusJson;
import io.kmon.metrics.MetricsSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Objects;

/**
 * The benchmarks' way into the exporter: the bodies of {@code /metrics/prometheus} and
 * {@code /metrics} as the endpoints build them, through the public writers of
 * {@code io.kmon.format}, without a socket in between, so benchmark 7 times the writers and
 * not the loopback.
 */
public final class ExportBridge {
    private final Kmon kmon;

    /** The two bodies of {@code kmon}. */
    public ExportBridge(Kmon kmon) {
        this.kmon = Objects.requireNonNull(kmon, "kmon");
    }

    /** The {@code /metrics/prometheus} body now: snapshot, conversion and Prometheus text. */
    public byte[] prometheusText() {
        return prometheusText(kmon.snapshot());
    }

    /** The {@code /metrics} JSON body now: snapshot, health, summary and JSON. */
    public byte[] metricsJson() {
        MetricsSnapshot snapshot = kmon.snapshot();
        return Json.bytes(StatusJson.of(
                snapshot,
                kmon.startMillis(),
                kmon.seriesNames(),
                kmon.health().check(),
                kmon.health().names().size(),
                kmon.alerts().countsSince(snapshot.timestampMillis() - StatusJson.RECENT.toMillis()),
                kmon.alerts().total()));
    }

    /** Prometheus text of an existing snapshot: conversion and writing only. */
    public static byte[] prometheusText(MetricsSnapshot snapshot) {
        return PrometheusText.write(snapshot, false).body();
    }

    /** The client_java model the exporter writes for {@code snapshot}: the reference's input. */
    public static MetricSnapshots prometheusModel(MetricsSnapshot snapshot) {
        return PrometheusText.convert(snapshot);
    }
}
