package io.kmon.otel;

import io.kmon.metrics.CumulativeBuckets;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MeterSnapshot.CounterSnapshot;
import io.kmon.metrics.MeterSnapshot.GaugeSnapshot;
import io.kmon.metrics.MeterSnapshot.TimerSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping from a kmon snapshot to OpenTelemetry metric data, one metric per kmon name:
 * counters as cumulative monotonic long sums, gauges as double gauges (a NaN or infinite
 * reading, a gauge unset or whose supplier failed, is left out), timers as cumulative
 * exponential histograms in seconds built from the timer's own buckets. Tags become attributes
 * as they are. Stateless.
 */
final class SnapshotMetrics {
    /** The exponential histogram scale: the grid's schema, so buckets map one to one. */
    static final int SCALE = CumulativeBuckets.SCHEMA;

    static final String SECONDS = "s";
    private static final double NANOS_PER_SECOND = 1e9;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private SnapshotMetrics() {}

    /**
     * The metric data of {@code snapshot}, every point starting at {@code startMillis} (when the
     * kmon instance began counting).
     */
    static Collection<MetricData> of(
            MetricsSnapshot snapshot, long startMillis, Resource resource, InstrumentationScopeInfo scope) {
        long start = startMillis * NANOS_PER_MILLI;
        long now = snapshot.timestampMillis() * NANOS_PER_MILLI;
        Map<String, List<MeterSnapshot>> byName = new LinkedHashMap<>();
        for (MeterSnapshot m : snapshot.meters()) {
            byName.computeIfAbsent(m.id().name(), n -> new ArrayList<>()).add(m);
        }
        List<MetricData> out = new ArrayList<>(byName.size());
        byName.forEach((name, meters) -> {
            MetricData metric = metric(name, meters, start, now, resource, scope);
            if (metric != null) {
                out.add(metric);
            }
        });
        return out;
    }

    /** One name's series; kmon gives a name one kind, so the first series decides. */
    private static MetricData metric(
            String name,
            List<MeterSnapshot> meters,
            long start,
            long now,
            Resource resource,
            InstrumentationScopeInfo scope) {
        MeterSnapshot first = meters.get(0);
        if (first instanceof CounterSnapshot) {
            List<LongPointData> points = new ArrayList<>();
            for (MeterSnapshot m : meters) {
                if (m instanceof CounterSnapshot c) {
                    points.add(LongPointData.create(start, now, attributes(c.id()), c.count()));
                }
            }
            return new KmonMetricData(
                    resource,
                    scope,
                    name,
                    "",
                    MetricDataType.LONG_SUM,
                    SumData.createLongSumData(true, AggregationTemporality.CUMULATIVE, points));
        }
        if (first instanceof GaugeSnapshot) {
            List<DoublePointData> points = new ArrayList<>();
            for (MeterSnapshot m : meters) {
                if (m instanceof GaugeSnapshot g && Double.isFinite(g.value())) {
                    points.add(DoublePointData.create(start, now, attributes(g.id()), g.value(), List.of()));
                }
            }
            return points.isEmpty()
                    ? null
                    : new KmonMetricData(
                            resource,
                            scope,
                            name,
                            "",
                            MetricDataType.DOUBLE_GAUGE,
                            GaugeData.createDoubleGaugeData(points));
        }
        List<ExponentialHistogramPointData> points = new ArrayList<>();
        for (MeterSnapshot m : meters) {
            if (m instanceof TimerSnapshot t) {
                points.add(histogram(t, start, now));
            }
        }
        return new KmonMetricData(
                resource,
                scope,
                name,
                SECONDS,
                MetricDataType.EXPONENTIAL_HISTOGRAM,
                ExponentialHistogramData.create(AggregationTemporality.CUMULATIVE, points));
    }

    /**
     * A timer's buckets as they are: grid bucket i, (2^((i-1)/16), 2^(i/16)] seconds, is OTLP
     * bucket i - 1 at scale 4 (OTLP names a bucket by its lower bound). The count is the buckets'
     * total, not the timer's count, so count and buckets agree while records are in flight.
     * Durations below 1 ns count in the 1 ns bucket, so the zero bucket stays empty.
     */
    static ExponentialHistogramPointData histogram(TimerSnapshot timer, long start, long now) {
        CumulativeBuckets buckets = timer.buckets();
        ExponentialHistogramBuckets positive = positive(buckets);
        return ExponentialHistogramPointData.create(
                SCALE,
                timer.totalNanos() / NANOS_PER_SECOND,
                0L,
                false,
                0,
                false,
                0,
                positive,
                ExponentialHistogramBuckets.create(SCALE, 0, List.of()),
                start,
                now,
                attributes(timer.id()),
                List.of());
    }

    /** Dense counts from the first listed bucket to the last, zeros where the grid has none. */
    static ExponentialHistogramBuckets positive(CumulativeBuckets buckets) {
        if (buckets.size() == 0) {
            return ExponentialHistogramBuckets.create(SCALE, 0, List.of());
        }
        int first = buckets.gridIndex(0);
        int last = buckets.gridIndex(buckets.size() - 1);
        Long[] counts = new Long[last - first + 1];
        Arrays.fill(counts, 0L);
        for (int k = 0; k < buckets.size(); k++) {
            counts[buckets.gridIndex(k) - first] = buckets.count(k);
        }
        return ExponentialHistogramBuckets.create(SCALE, first - 1, List.of(counts));
    }

    static Attributes attributes(MeterId id) {
        if (id.tags().isEmpty()) {
            return Attributes.empty();
        }
        AttributesBuilder b = Attributes.builder();
        id.tags().forEach(b::put);
        return b.build();
    }
}
