package io.kmon.benchmarks;

import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 7: exporting 10, 100 and 1,000 monitored methods (each with successes, one failure
 * and a non-empty window: calls, successes, errors and a duration histogram per method).
 *
 * <p>{@code kmonPrometheus} and {@code kmonJson} are what the endpoints do per scrape: take a
 * snapshot and write it. {@code kmonSnapshot} is the snapshot alone and
 * {@code kmonPrometheusFromSnapshot} the writer alone. {@code referencePrometheus} is
 * client_java's {@code PrometheusTextFormatWriter} writing exactly the same series (the model
 * kmon's writer builds), already built: the time the exposition library itself needs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExportBenchmark {
    /** Monitored methods in the exported {@code Kmon}. */
    @Param({"10", "100", "1000"})
    public int methods;

    private Kmon kmon;
    private ExportBridge export;
    private MetricsSnapshot snapshot;
    private MetricSnapshots model;
    private final PrometheusTextFormatWriter reference = PrometheusTextFormatWriter.create();

    /** A {@code Kmon} with {@link #methods} exercised methods, and their snapshot and model. */
    @Setup
    public void setUp() {
        kmon = Kmon.builder().backgroundThread(false).systemMetrics(false).build();
        MonitoredMethods.exercise(MonitoredMethods.register(kmon, methods));
        export = new ExportBridge(kmon);
        snapshot = kmon.snapshot();
        model = ExportBridge.prometheusModel(snapshot);
    }

    /** Releases the instance. */
    @TearDown
    public void tearDown() {
        kmon.close();
    }

    /** The {@code /metrics/prometheus} body: snapshot, conversion, text. */
    @Benchmark
    public byte[] kmonPrometheus() {
        return export.prometheusText();
    }

    /** The {@code /metrics} JSON body: snapshot, summary, JSON. */
    @Benchmark
    public byte[] kmonJson() {
        return export.metricsJson();
    }

    /** {@code kmon.snapshot()} alone: reading every counter and timer window. */
    @Benchmark
    public MetricsSnapshot kmonSnapshot() {
        return kmon.snapshot();
    }

    /** kmon's Prometheus writer on a snapshot already taken: conversion and text. */
    @Benchmark
    public byte[] kmonPrometheusFromSnapshot() {
        return ExportBridge.prometheusText(snapshot);
    }

    /** client_java's text writer on the same series, already in its model. */
    @Benchmark
    public byte[] referencePrometheus() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        reference.write(out, model);
        return out.toByteArray();
    }
}
