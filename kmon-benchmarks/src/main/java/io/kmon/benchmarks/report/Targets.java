package io.kmon.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets of issue 7, evaluated on one run's results. Ratios against other libraries are
 * taken on <em>overhead</em> (time minus the same unmonitored call), the cost monitoring adds;
 * the ratio of total times is shown beside it.
 */
public final class Targets {
    static final String PROXY = "Kmon.proxy";
    static final String DIRECT = "Baseline.direct";
    static final String NANO_PAIR = "Baseline.nanoTimePair";
    static final String EXPORT_KMON_PROMETHEUS = "Export.kmonPrometheus";
    static final String EXPORT_REFERENCE = "Export.referencePrometheus";
    static final double ZERO_BYTES = 0.5;
    static final double KIB = 1024;

    private Targets() {}

    /** Every target in the order; a target without its figures is {@code NOT_MEASURED}. */
    public static List<Verdict> evaluate(Results results, Optional<Footprint> footprint) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(overheadWithinClock(results));
        verdicts.add(zeroAllocation(results));
        verdicts.add(ratio(results, "Micrometer.startStop", 1, 0.85, "Micrometer `Timer.start/stop`"));
        verdicts.add(ratio(results, "Micrometer.percentiles", 1, 0.5, "Micrometer with `publishPercentiles`"));
        verdicts.add(ratio(results, "Dropwizard.timeDefault", 1, 0.35, "Dropwizard default `Timer`"));
        verdicts.add(ratio(results, "Dropwizard.timeDefault", 2, 0.25, "Dropwizard default `Timer`"));
        verdicts.add(ratio(results, "DynamicProxy.dynamicProxy", 1, 0.7, "the dynamic proxy"));
        verdicts.add(scaling(results));
        verdicts.add(footprint(footprint));
        verdicts.add(spanFootprint(footprint));
        verdicts.add(export(results));
        return verdicts;
    }

    private static Verdict overheadWithinClock(Results r) {
        String target = "Overhead of a monitored call (1 thread) ≤ a `nanoTime` pair + 15 ns";
        Optional<Estimate> overhead = r.overhead(PROXY, 1);
        Optional<Measurement> pair = r.find(NANO_PAIR, 1);
        if (overhead.isEmpty() || pair.isEmpty()) {
            return Verdict.notMeasured(target, "needs Kmon.proxy, Baseline.direct and Baseline.nanoTimePair");
        }
        double limit = pair.get().nanosPerOp() + 15;
        return new Verdict(
                target,
                "overhead " + overhead.get().format(1) + " ns; limit "
                        + Markdown.number(pair.get().nanosPerOp(), 1) + " + 15 = " + Markdown.number(limit, 1) + " ns",
                Verdict.Status.of(overhead.get().value() <= limit));
    }

    private static Verdict zeroAllocation(Results r) {
        String target = "0 B/op on success";
        StringBuilder text = new StringBuilder();
        boolean met = true;
        boolean any = false;
        for (int threads = 1; threads <= 2; threads++) {
            Optional<Measurement> m = r.find(PROXY, threads);
            if (m.isEmpty() || Double.isNaN(m.get().bytesPerOp())) {
                continue;
            }
            any = true;
            met &= m.get().bytesPerOp() < ZERO_BYTES;
            text.append(text.length() == 0 ? "" : "; ")
                    .append(threads)
                    .append(" thread")
                    .append(threads == 1 ? "" : "s")
                    .append(": ")
                    .append(Markdown.number(m.get().bytesPerOp(), 3))
                    .append(" B/op");
        }
        if (!any) {
            return Verdict.notMeasured(target, "needs Kmon.proxy with -prof gc");
        }
        return new Verdict(
                target, text + " (below " + ZERO_BYTES + " counts as 0: JMH's own noise)", Verdict.Status.of(met));
    }

    private static Verdict ratio(Results r, String other, int threads, double limit, String name) {
        String target =
                "Overhead ≤ " + limit + "x " + name + " (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
        Optional<Estimate> ours = r.overhead(PROXY, threads);
        Optional<Estimate> theirs = r.overhead(other, threads);
        Optional<Measurement> ourTotal = r.find(PROXY, threads);
        Optional<Measurement> theirTotal = r.find(other, threads);
        if (ours.isEmpty() || theirs.isEmpty() || ourTotal.isEmpty() || theirTotal.isEmpty()) {
            return Verdict.notMeasured(target, "needs " + PROXY + ", " + other + " and " + DIRECT);
        }
        Estimate ratio = ours.get().ratio(theirs.get());
        double totalRatio = ourTotal.get().nanosPerOp() / theirTotal.get().nanosPerOp();
        return new Verdict(
                target,
                Markdown.number(ours.get().value(), 1) + " / "
                        + Markdown.number(theirs.get().value(), 1) + " ns = **" + ratio.format(2) + "x** (total time "
                        + Markdown.number(totalRatio, 2) + "x)",
                Verdict.Status.of(ratio.value() <= limit));
    }

    private static Verdict scaling(Results r) {
        String target = "Overhead on 2 threads ≤ 1.25x overhead on 1 thread";
        Optional<Estimate> one = r.overhead(PROXY, 1);
        Optional<Estimate> two = r.overhead(PROXY, 2);
        if (one.isEmpty() || two.isEmpty()) {
            return Verdict.notMeasured(target, "needs Kmon.proxy and Baseline.direct at 1 and 2 threads");
        }
        Estimate ratio = two.get().ratio(one.get());
        return new Verdict(
                target,
                Markdown.number(two.get().value(), 1) + " / "
                        + Markdown.number(one.get().value(), 1) + " ns = **" + ratio.format(2) + "x**",
                Verdict.Status.of(ratio.value() <= 1.25));
    }

    private static Verdict footprint(Optional<Footprint> footprint) {
        String target = "≤ 8 KiB per monitored method at worst (timer buckets included)";
        if (footprint.isEmpty()) {
            return Verdict.notMeasured(target, "footprint not measured in this run");
        }
        Footprint f = footprint.get();
        double worst = Math.max(Math.max(f.usedBytes(), f.hotBytes()), f.worstBytes());
        return new Verdict(
                target,
                Markdown.number(f.freshBytes(), 0) + " B fresh, " + Markdown.number(f.usedBytes(), 0)
                        + " B after calls, " + Markdown.number(f.hotBytes(), 0) + " B with contended adders, "
                        + Markdown.number(f.worstBytes(), 0) + " B with every octave of durations = **"
                        + Markdown.number(worst / KIB, 2) + " KiB** at worst",
                Verdict.Status.of(worst <= 8 * KIB));
    }

    private static Verdict spanFootprint(Optional<Footprint> footprint) {
        String target = "≤ 4 KiB per monitored method whose calls span 1 µs–1 s";
        if (footprint.isEmpty()) {
            return Verdict.notMeasured(target, "footprint not measured in this run");
        }
        double span = footprint.get().spanBytes();
        return new Verdict(
                target,
                "**" + Markdown.number(span / KIB, 2) + " KiB** (" + Markdown.number(span, 0)
                        + " B, both window halves and the cumulative counts in use)",
                Verdict.Status.of(span <= 4 * KIB));
    }

    private static Verdict export(Results r) {
        String target = "Prometheus text for 1,000 methods ≤ 2x `prometheus-metrics-exposition-textformats`";
        Map<String, String> thousand = Map.of("methods", "1000");
        Optional<Measurement> ours = r.find(EXPORT_KMON_PROMETHEUS, thousand, 1);
        Optional<Measurement> theirs = r.find(EXPORT_REFERENCE, thousand, 1);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return Verdict.notMeasured(
                    target, "needs " + EXPORT_KMON_PROMETHEUS + " and " + EXPORT_REFERENCE + " at methods=1000");
        }
        Estimate ratio = Estimate.of(ours.get()).ratio(Estimate.of(theirs.get()));
        return new Verdict(
                target,
                Markdown.number(ours.get().nanosPerOp() / 1e6, 3) + " / "
                        + Markdown.number(theirs.get().nanosPerOp() / 1e6, 3) + " ms = **" + ratio.format(2) + "x**",
                Verdict.Status.of(ratio.value() <= 2));
    }
}
