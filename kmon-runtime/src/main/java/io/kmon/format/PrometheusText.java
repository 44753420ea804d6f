package io.kmon.format;

import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.WindowStats;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a {@link MetricsSnapshot} as Prometheus text 0.0.4 or OpenMetrics 1.0, through
 * client_java's exposition writers (which handle HELP/TYPE lines, escaping and number
 * formatting). The HTTP exporter picks the format from the scraper's {@code Accept} header.
 *
 * <pre>{@code
 * byte[] text = PrometheusText.write(kmon.snapshot(), false).body();
 * }</pre>
 *
 * <p>Mapping: a counter becomes {@code <name>_total}; a gauge keeps its name; a timer becomes a
 * summary {@code <name>_seconds} with quantiles 0.5, 0.95 and 0.99 from its sliding window
 * (none when the window is empty) and cumulative {@code _count} and {@code _sum}. Tags become
 * labels (the tag keys {@code quantile} and {@code le} are refused at registration). A gauge
 * without a value (unset, or its supplier failed: NaN) is left out. Series folded by the
 * cardinality cap show as their {@code overflow="true"} series.
 */
public final class PrometheusText {
    private static final System.Logger LOG = System.getLogger(PrometheusText.class.getName());
    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    private PrometheusText() {}

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
        ExpositionFormatWriter writer = openMetrics
                ? OpenMetricsTextFormatWriter.create()
                : PrometheusTextFormatWriter.create();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, convert(snapshot));
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
        SortedMap<String, List<MeterSnapshot>> byName = new TreeMap<>();
        for (MeterSnapshot m : snapshot.meters()) {
            byName.computeIfAbsent(m.id().name(), n -> new ArrayList<>()).add(m);
        }
        PrometheusNames names = new PrometheusNames();
        Help help = new Help(snapshot);
        List<MetricSnapshot> families = new ArrayList<>();
        byName.forEach((name, meters) -> {
            try {
                MetricSnapshot family = family(name, meters, names, help);
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

    private static MetricSnapshot family(String name, List<MeterSnapshot> meters, PrometheusNames names, Help help) {
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
                    b.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(m)).value(value).build());
                }
            }
            return b.build();
        }
        String family = PrometheusNames.timer(name);
        if (!names.claim(PrometheusNames.summarySamples(family))) {
            return null;
        }
        SummarySnapshot.Builder b = SummarySnapshot.builder().name(family).unit(Unit.SECONDS)
                .help(help.of(name, "timer"));
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
            keys.add(PrometheusNames.underscored(k));
            values.add(v);
        });
        return Labels.of(keys, values);
    }

    /** HELP texts: a monitored method's series and kmon's call count say what they count, others name the metric. */
    private static final class Help {
        private static final Map<String, String> METHOD_SERIES = Map.of(
                MetricNames.CALLS, "Monitored calls",
                MetricNames.SUCCESSES, "Monitored calls that returned normally",
                MetricNames.ERRORS, "Monitored calls that threw, by error_type",
                MetricNames.DURATION, "Duration of monitored calls in seconds");
        private final Set<String> prefixes = new HashSet<>();

        Help(MetricsSnapshot snapshot) {
            snapshot.methods().forEach(m -> prefixes.add(m.prefix()));
        }

        String of(String name, String type) {
            if (name.equals(MetricNames.ERRORS_COUNT)) {
                return "Failed monitored calls, over all components and methods";
            }
            int dot = name.lastIndexOf('.');
            String text = dot < 0 ? null : METHOD_SERIES.get(name.substring(dot));
            if (text != null && prefixes.contains(name.substring(0, dot))) {
                return text + " (" + name + ")";
            }
            return "kmon " + type + " " + name;
        }
    }
}
