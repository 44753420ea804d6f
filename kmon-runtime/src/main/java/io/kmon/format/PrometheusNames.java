package io.kmon.format;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Translates kmon's dotted names to Prometheus names and keeps one scrape free of clashes.
 *
 * <p>Dots become underscores; a counter {@code api.calls} is exposed as {@code api_calls_total},
 * a timer {@code api.duration} as the histogram (or summary) {@code api_duration_seconds} (with
 * {@code _bucket}, {@code _count} and {@code _sum}). Two kmon names can land on the same Prometheus name
 * ({@code a.b} and {@code a_b}, or a counter {@code x} and a gauge {@code x.total}); the first in
 * name order is kept and the later one skipped, since a scrape with duplicate families is
 * rejected whole by Prometheus.
 */
public final class PrometheusNames {
    private final Set<String> taken = new HashSet<>();

    /** {@code name} with dots as underscores. */
    static String underscored(String name) {
        return name.replace('.', '_');
    }

    /**
     * {@return the family name of counter {@code name}} Without the {@code _total} the writer appends.
     *
     * @param name a kmon metric name
     */
    public static String counter(String name) {
        String base = underscored(name);
        return base.endsWith("_total") && base.length() > "_total".length()
                ? base.substring(0, base.length() - "_total".length()) : base;
    }

    /**
     * {@return the family name of gauge {@code name}}
     *
     * @param name a kmon metric name
     */
    public static String gauge(String name) {
        return underscored(name);
    }

    /**
     * {@return the family name of timer {@code name}} It ends in {@code _seconds}.
     *
     * @param name a kmon metric name
     */
    public static String timer(String name) {
        String base = underscored(name);
        return base.endsWith("_seconds") ? base : base + "_seconds";
    }

    /** The sample names a counter family occupies. */
    static List<String> counterSamples(String family) {
        return List.of(family, family + "_total", family + "_created");
    }

    /** The sample names a gauge family occupies. */
    static List<String> gaugeSamples(String family) {
        return List.of(family);
    }

    /** The sample names a summary family occupies. */
    static List<String> summarySamples(String family) {
        return List.of(family, family + "_count", family + "_sum", family + "_created");
    }

    /** The sample names a histogram family occupies. */
    static List<String> histogramSamples(String family) {
        return List.of(family, family + "_bucket", family + "_count", family + "_sum", family + "_created");
    }

    /** Claims {@code samples} for one family; false (claiming nothing) when any is already taken. */
    boolean claim(List<String> samples) {
        for (String s : samples) {
            if (taken.contains(s)) {
                return false;
            }
        }
        taken.addAll(samples);
        return true;
    }
}
