package io.kmon.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mapping's edges, read straight from the producer. */
class SnapshotMetricsTest {
    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();

    @AfterEach
    void close() {
        kmon.close();
    }

    private Map<String, MetricData> produce() {
        return KmonOtel.producer(kmon).produce(Resource.getDefault()).stream()
                .collect(Collectors.toMap(MetricData::getName, m -> m));
    }

    @Test
    void aTimerWithoutSamples_isAnEmptyHistogram() {
        kmon.timer("idle.wait");
        ExponentialHistogramPointData p = produce()
                .get("idle.wait")
                .getExponentialHistogramData()
                .getPoints()
                .iterator()
                .next();
        assertEquals(0, p.getCount());
        assertEquals(0.0, p.getSum());
        assertEquals(List.of(), p.getPositiveBuckets().getBucketCounts());
        assertEquals(SnapshotMetrics.SCALE, p.getPositiveBuckets().getScale());
    }

    @Test
    void bucketsFarApart_areDenseWithZerosBetween() {
        var timer = kmon.timer("span.wide");
        timer.record(1_000_000_000L); // 1 s: OTLP bucket -1
        timer.record(2_000_000_000L); // 2 s: OTLP bucket 15
        ExponentialHistogramPointData p = produce()
                .get("span.wide")
                .getExponentialHistogramData()
                .getPoints()
                .iterator()
                .next();
        assertEquals(-1, p.getPositiveBuckets().getOffset());
        List<Long> counts = p.getPositiveBuckets().getBucketCounts();
        assertEquals(17, counts.size());
        assertEquals(1L, counts.get(0));
        assertEquals(1L, counts.get(16));
        assertEquals(2, counts.stream().mapToLong(Long::longValue).sum());
        assertEquals(2, p.getCount());
    }

    @Test
    void gaugesWithoutAFiniteValue_sendNoPoint() {
        kmon.gauge("ratio.infinite").set(Double.POSITIVE_INFINITY);
        kmon.gauge("ratio.nan").set(Double.NaN);
        kmon.gauge("ratio.ok", "pool", "a").set(0.5);
        kmon.gauge("ratio.ok", "pool", "b").set(Double.NaN);
        Map<String, MetricData> metrics = produce();
        assertFalse(metrics.containsKey("ratio.infinite"));
        assertFalse(metrics.containsKey("ratio.nan"));
        MetricData ok = metrics.get("ratio.ok");
        assertEquals(MetricDataType.DOUBLE_GAUGE, ok.getType());
        assertEquals(1, ok.getDoubleGaugeData().getPoints().size());
        var point = ok.getDoubleGaugeData().getPoints().iterator().next();
        assertEquals("a", point.getAttributes().get(AttributeKey.stringKey("pool")));
        assertEquals(0.5, point.getValue());
    }

    @Test
    void kmonsOwnCounters_areMonotonicCumulativeSums() {
        MetricData folded = produce().get("monitoring.series.folded");
        assertEquals(MetricDataType.LONG_SUM, folded.getType());
        assertTrue(folded.getLongSumData().isMonotonic());
        assertEquals(0L, folded.getLongSumData().getPoints().iterator().next().getValue());
    }
}
