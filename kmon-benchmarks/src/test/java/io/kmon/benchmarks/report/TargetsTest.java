package io.kmon.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static Measurement m(String qualified, int threads, double nanos) {
        return m(qualified, Map.of(), threads, nanos, 0.0);
    }

    private static Measurement m(
            String qualified, Map<String, String> params, int threads, double nanos, double bytes) {
        int dot = qualified.indexOf('.');
        return new Measurement(
                qualified.substring(0, dot), qualified.substring(dot + 1), params, threads, nanos, 0.5, bytes, 0.0);
    }

    /** A run in which kmon meets every target by a wide margin. */
    private static List<Measurement> goodRun() {
        List<Measurement> all = new ArrayList<>();
        for (int t = 1; t <= 2; t++) {
            all.add(m("Baseline.direct", t, 2));
            all.add(m("Baseline.nanoTimePair", t, 40));
            all.add(m("Kmon.proxy", t, 50));
            all.add(m("Micrometer.startStop", t, 102));
            all.add(m("Micrometer.percentiles", t, 202));
            all.add(m("Dropwizard.timeDefault", t, 402));
            all.add(m("DynamicProxy.dynamicProxy", t, 102));
        }
        all.add(m("Export.kmonPrometheus", Map.of("methods", "1000"), 1, 1_500_000, 100));
        all.add(m("Export.referencePrometheus", Map.of("methods", "1000"), 1, 1_000_000, 100));
        return all;
    }

    private static Footprint footprint(double bytes) {
        return new Footprint(1000, bytes - 200, bytes - 100, bytes, bytes, 32, bytes / 2, bytes, "");
    }

    private static Verdict find(List<Verdict> verdicts, String textInTarget) {
        return verdicts.stream()
                .filter(v -> v.target().contains(textInTarget))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void fastRun_meetsEveryTarget() {
        List<Verdict> verdicts = Targets.evaluate(new Results(goodRun()), Optional.of(footprint(4000)));

        assertEquals(11, verdicts.size());
        verdicts.forEach(v -> assertEquals(Verdict.Status.MET, v.status(), v.toString()));
    }

    @Test
    void overheadAboveClockPairPlus15_isMissed() {
        List<Measurement> run = new ArrayList<>(goodRun());
        run.removeIf(x -> x.group().equals("Kmon") && x.threads() == 1);
        run.add(m("Kmon.proxy", 1, 2 + 40 + 15.5)); // overhead 55.5 > 40 + 15

        Verdict v = find(Targets.evaluate(new Results(run), Optional.empty()), "nanoTime");

        assertEquals(Verdict.Status.MISSED, v.status());
        assertTrue(v.measured().contains("55.5"), v.measured());
    }

    @Test
    void ratioTargets_compareOverheadsNotTotals() {
        List<Measurement> run = new ArrayList<>(goodRun());
        run.removeIf(x -> x.group().equals("Micrometer") && x.method().equals("startStop") && x.threads() == 1);
        // kmon overhead 48; Micrometer overhead 56: ratio 0.857 > 0.85, though totals give 50 / 58 = 0.862.
        run.add(m("Micrometer.startStop", 1, 58));

        Verdict v = find(Targets.evaluate(new Results(run), Optional.empty()), "start/stop");

        assertEquals(Verdict.Status.MISSED, v.status());
        assertTrue(v.measured().contains("0.86x"), v.measured());
    }

    @Test
    void allocationOnSuccess_isMissed() {
        List<Measurement> run = new ArrayList<>(goodRun());
        run.removeIf(x -> x.group().equals("Kmon") && x.threads() == 2);
        run.add(m("Kmon.proxy", Map.of(), 2, 50, 24));

        Verdict v = find(Targets.evaluate(new Results(run), Optional.empty()), "B/op");

        assertEquals(Verdict.Status.MISSED, v.status());
    }

    @Test
    void twoThreadOverheadOverOnePointTwoFive_isMissed() {
        List<Measurement> run = new ArrayList<>(goodRun());
        run.removeIf(x -> x.group().equals("Kmon") && x.threads() == 2);
        run.add(m("Kmon.proxy", 2, 2 + 48 * 1.3));

        Verdict v = find(Targets.evaluate(new Results(run), Optional.empty()), "2 threads ≤ 1.25x");

        assertEquals(Verdict.Status.MISSED, v.status());
    }

    @Test
    void footprintOver8KiB_isMissed() {
        Verdict v = find(Targets.evaluate(new Results(goodRun()), Optional.of(footprint(8 * 1024 + 1))), "KiB");

        assertEquals(Verdict.Status.MISSED, v.status());
    }

    @Test
    void missingRows_areNotMeasuredRatherThanMet() {
        List<Verdict> verdicts = Targets.evaluate(new Results(List.of(m("Baseline.direct", 1, 2))), Optional.empty());

        verdicts.forEach(v -> assertEquals(Verdict.Status.NOT_MEASURED, v.status(), v.toString()));
    }
}
