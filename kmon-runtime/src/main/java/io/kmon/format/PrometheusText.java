package io.kmon.format;

import io.kmon.annotations.MetricNaming;
import io.kmon.metrics.CumulativeBuckets;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.WindowStats;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a {@link MetricsSnapshot} as Prometheus text 0.0.4, OpenMetrics 1.0 or Prometheus
 * protobuf (delimited {@code io.prometheus.client.MetricFamily}), through client_java's
 * exposition writers (which handle HELP/TYPE lines, escaping, number formatting and the
 * protobuf encoding). The HTTP exporter picks the format from the scraper's {@code Accept} header.
 *
 * <pre>{@code
 * byte[] text = PrometheusText.write(kmon.snapshot(), PrometheusText.Format.TEXT, TimerExport.DEFAULT).body();
 * }</pre>
 *
 * <p>Mapping: a counter becomes {@code <name>_total}; a gauge keeps its name; a timer becomes
 * {@code <name>_seconds}, by default a histogram of its cumulative buckets (classic {@code le}
 * buckets at {@link TimerExport}'s grid boundaries, exact; in protobuf also the native
 * histogram, schema 4, lossless), or with {@link TimerExport#summaries()} a summary with
 * quantiles 0.5, 0.95 and 0.99 from its sliding window (none when the window is empty). Both
 * carry cumulative {@code _count} and {@code _sum}. Tags become labels (the tag keys
 * {@code quantile} and {@code le} are refused at registration). A gauge without a value
 * (unset, or its supplier failed: NaN) is left out. Series folded by the cardinality cap show
 * as their {@code overflow="true"} series.
 */
public final class PrometheusText {
    private static final System.Logger LOG = System.getLogger(PrometheusText.class.getName());
    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    /** client_java's protobuf writer, present unless an application excluded its jar. */
    private static final PrometheusProtobufWriter PROTOBUF_WRITER = new PrometheusProtobufWriter();
    /** client_java's default: only an exact zero is "zero"; kmon counts 0 ns in the 1 ns bucket. */
    private static final double ZERO_THRESHOLD = Math.scalb(1.0, -128);

    private PrometheusText() {}

    /** The exposition formats. */
    public enum Format {
        /** Prometheus text 0.0.4: classic histogram buckets. */
        TEXT,
        /** OpenMetrics 1.0 text: classic histogram buckets. */
        OPENMETRICS,
        /** Prometheus protobuf, delimited {@code MetricFamily}: native and classic buckets. */
        PROTOBUF
    }

    /** {@return whether client_java's protobuf writer is on the class path (an application may exclude it)} */
    public static boolean protobufAvailable() {
        return PROTOBUF_WRITER.isAvailable();
    }

    /**
     * Bytes and content type.
     *
     * @param contentType the Content-Type to send
     * @param body the exposition
     */
    public record Output(String contentType, byte[] body) {}

    /**
     * {@return {@code snapshot} as OpenMetrics 1.0 when {@code openMetrics}, else as Prometheus text 0.0.4}
     *
     * @param snapshot what to write
     * @param openMetrics whether to write OpenMetrics
     */
    public static Output write(MetricsSnapshot snapshot, boolean openMetrics) {
        return write(snapshot, openMetrics ? Format.OPENMETRICS : Format.TEXT, TimerExport.DEFAULT);
    }

    /**
     * {@return {@code snapshot} in {@code format}, timers as {@code timers} says} Protobuf falls
     * back to text when its writer is not on the class path.
     *
     * @param snapshot what to write
     * @param format the exposition format
     * @param timers histograms (with their classic boundaries) or summaries
     */
    public static Output write(MetricsSnapshot snapshot, Format format, TimerExport timers) {
        boolean protobuf = format == Format.PROTOBUF && protobufAvailable();
        ExpositionFormatWriter writer = protobuf
                ? PROTOBUF_WRITER
                : format == Format.OPENMETRICS
                        ? OpenMetricsTextFormatWriter.create()
                        : PrometheusTextFormatWriter.create();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, convert(snapshot, timers, protobuf));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return new Output(writer.getContentType(), out.toByteArray());
    }

    /**
     * {@return the client_java model of {@code snapshot}} One family per kmon name, clashes skipped.
     *
     * @param snapshot what to convert
     */
    public static MetricSnapshots convert(MetricsSnapshot snapshot) {
        return convert(snapshot, TimerExport.DEFAULT, false);
    }

    /**
     * {@return the client_java model of {@code snapshot}} One family per kmon name, clashes
     * skipped; native histogram buckets only when {@code withNative} (only protobuf carries them).
     *
     * @param snapshot what to convert
     * @param timers histograms (with their classic boundaries) or summaries
     * @param withNative whether timers' histograms carry their native buckets
     */
    public static MetricSnapshots convert(MetricsSnapshot snapshot, TimerExport timers, boolean withNative) {
        SortedMap<String, List<MeterSnapshot>> byName = new TreeMap<>();
        for (MeterSnapshot m : snapshot.meters()) {
            byName.computeIfAbsent(m.id().name(), n -> new ArrayList<>()).add(m);
        }
        PrometheusNames names = new PrometheusNames();
        PrometheusHelp help = new PrometheusHelp(snapshot);
        List<MetricSnapshot> families = new ArrayList<>();
        byName.forEach((name, meters) -> {
            try {
                MetricSnapshot family = family(name, meters, names, help, timers, withNative);
                if (family != null) {
                    families.add(family);
                }
            } catch (IllegalArgumentException unexportable) {
                // client_java refused a name or label kmon allowed: skip the family, keep the scrape
                LOG.log(System.Logger.Level.DEBUG, "metric " + name + " not exported", unexportable);
            }
        });
        return new MetricSnapshots(families);
    }

    private static MetricSnapshot family(
            String name,
            List<MeterSnapshot> meters,
            PrometheusNames names,
            PrometheusHelp help,
            TimerExport timers,
            boolean withNative) {
        MeterSnapshot first = meters.get(0);
        if (first instanceof MeterSnapshot.CounterSnapshot) {
            String family = PrometheusNames.counter(name);
            if (!names.claim(PrometheusNames.counterSamples(family))) {
                return null;
            }
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(family).help(help.of(name, "counter"));
            for (MeterSnapshot m : meters) {
                b.dataPoint(CounterDataPointSnapshot.builder()
                        .labels(labels(m))
                        .value(((MeterSnapshot.CounterSnapshot) m).count())
                        .build());
            }
            return b.build();
        }
        if (first instanceof MeterSnapshot.GaugeSnapshot) {
            String family = PrometheusNames.gauge(name);
            if (!names.claim(PrometheusNames.gaugeSamples(family))) {
                return null;
            }
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family).help(help.of(name, "gauge"));
            for (MeterSnapshot m : meters) {
                double value = ((MeterSnapshot.GaugeSnapshot) m).value();
                if (!Double.isNaN(value)) {
                    b.dataPoint(GaugeDataPointSnapshot.builder()
                            .labels(labels(m))
                            .value(value)
                            .build());
                }
            }
            return b.build();
        }
        String family = PrometheusNames.timer(name);
        String text = help.of(name, "timer");
        return timers.asSummaries()
                ? summary(family, text, meters, names)
                : histogram(family, text, meters, names, timers, withNative);
    }

    private static MetricSnapshot summary(
            String family, String help, List<MeterSnapshot> meters, PrometheusNames names) {
        if (!names.claim(PrometheusNames.summarySamples(family))) {
            return null;
        }
        SummarySnapshot.Builder b =
                SummarySnapshot.builder().name(family).unit(Unit.SECONDS).help(help);
        for (MeterSnapshot m : meters) {
            MeterSnapshot.TimerSnapshot t = (MeterSnapshot.TimerSnapshot) m;
            b.dataPoint(SummaryDataPointSnapshot.builder()
                    .labels(labels(m))
                    .quantiles(t.window().map(PrometheusText::quantiles).orElse(Quantiles.EMPTY))
                    .count(t.count())
                    .sum(Unit.nanosToSeconds(t.totalNanos()))
                    .build());
        }
        return b.build();
    }

    /** Cumulative buckets: {@code _count} is their total, so it always equals the +Inf bucket. */
    private static MetricSnapshot histogram(
            String family,
            String help,
            List<MeterSnapshot> meters,
            PrometheusNames names,
            TimerExport timers,
            boolean withNative) {
        if (!names.claim(PrometheusNames.histogramSamples(family))) {
            return null;
        }
        double[] bounds = timers.classicUpperBounds();
        HistogramSnapshot.Builder b =
                HistogramSnapshot.builder().name(family).unit(Unit.SECONDS).help(help);
        for (MeterSnapshot m : meters) {
            MeterSnapshot.TimerSnapshot t = (MeterSnapshot.TimerSnapshot) m;
            CumulativeBuckets buckets = t.buckets();
            HistogramDataPointSnapshot.Builder point = HistogramDataPointSnapshot.builder()
                    .labels(labels(m))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, timers.classicCounts(buckets)))
                    .sum(Unit.nanosToSeconds(t.totalNanos()));
            if (withNative) {
                point.nativeSchema(CumulativeBuckets.SCHEMA)
                        .nativeZeroThreshold(ZERO_THRESHOLD)
                        .nativeZeroCount(0)
                        .nativeBucketsForPositiveValues(
                                NativeHistogramBuckets.of(buckets.gridIndices(), buckets.counts()));
            }
            b.dataPoint(point.build());
        }
        return b.build();
    }

    private static Quantiles quantiles(WindowStats w) {
        double[] values = {w.p50Nanos(), w.p95Nanos(), w.p99Nanos()};
        List<Quantile> q = new ArrayList<>(QUANTILES.length);
        for (int i = 0; i < QUANTILES.length; i++) {
            q.add(new Quantile(QUANTILES[i], WindowStats.seconds(values[i])));
        }
        return Quantiles.of(q);
    }

    private static Labels labels(MeterSnapshot m) {
        SortedMap<String, String> tags = m.id().tags();
        if (tags.isEmpty()) {
            return Labels.EMPTY;
        }
        List<String> keys = new ArrayList<>(tags.size());
        List<String> values = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> {
            // Dots become underscores, as in names; MeterId refuses "quantile" and "le" (client_java's own
            // keys) and two keys that would meet here.
            keys.add(MetricNaming.labelName(k));
            values.add(v);
        });
        return Labels.of(keys, values);
    }
}
