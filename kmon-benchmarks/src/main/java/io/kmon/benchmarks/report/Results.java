package io.kmon.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measurements of one run, with lookups by name and the overhead of a variant over the
 * direct call it wraps.
 */
public final class Results {
    /**
     * For each wrapped variant, {@code group.method} of the unmonitored call it wraps: its
     * overhead is its time minus that baseline's at the same thread count.
     */
    static final Map<String, String> BASELINE_OF = Map.ofEntries(
            Map.entry("Kmon.proxy", "Baseline.direct"),
            Map.entry("Kmon.proxy1us", "Baseline.direct1us"),
            Map.entry("Kmon.proxyFailure", "Baseline.directFailure"),
            Map.entry("Kmon.proxySlow", "Baseline.directSlow"),
            Map.entry("Kmon.timerSample", "Baseline.direct"),
            Map.entry("DynamicProxy.dynamicProxy", "Baseline.direct"),
            Map.entry("DynamicProxy.dynamicProxyFailure", "Baseline.directFailure"),
            Map.entry("Micrometer.startStop", "Baseline.direct"),
            Map.entry("Micrometer.record", "Baseline.direct"),
            Map.entry("Micrometer.percentiles", "Baseline.direct"),
            Map.entry("Dropwizard.timeDefault", "Baseline.direct"),
            Map.entry("Dropwizard.timeSlidingWindow", "Baseline.direct"),
            Map.entry("Prometheus.observe", "Baseline.direct"));

    private final List<Measurement> all;

    /** The results of one run, in the order JMH produced them. */
    public Results(List<Measurement> all) {
        this.all = List.copyOf(all);
    }

    /** Every measurement. */
    public List<Measurement> all() {
        return all;
    }

    /** {@code group.method} (no parameters) at {@code threads}. */
    public Optional<Measurement> find(String qualified, int threads) {
        return find(qualified, Map.of(), threads);
    }

    /** {@code group.method} with {@code params} at {@code threads}. */
    public Optional<Measurement> find(String qualified, Map<String, String> params, int threads) {
        int dot = qualified.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("expected group.method, got '" + qualified + "'");
        }
        String group = qualified.substring(0, dot);
        String method = qualified.substring(dot + 1);
        return all.stream()
                .filter(m -> m.threads() == threads && m.is(group, method, params))
                .findFirst();
    }

    /** The baseline a measurement is compared with, when it has one. */
    public Optional<Measurement> baselineOf(Measurement m) {
        String baseline = BASELINE_OF.get(m.group() + "." + m.method());
        return baseline == null ? Optional.empty() : find(baseline, m.params(), m.threads());
    }

    /** Time minus its baseline's time, with the two errors combined; empty without a baseline. */
    public Optional<Estimate> overhead(Measurement m) {
        return baselineOf(m).map(b -> Estimate.of(m).minus(Estimate.of(b)));
    }

    /** The overhead of {@code group.method} at {@code threads}; empty when either row is missing. */
    public Optional<Estimate> overhead(String qualified, int threads) {
        return find(qualified, threads).flatMap(this::overhead);
    }
}
