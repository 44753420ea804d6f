package io.kmon.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Machine MACHINE = new Machine("Test CPU", 2, "tsc", "Test JDK 17", "Linux");

    private static Run run(List<Measurement> measurements) {
        return new Run(
                "2026-01-01T00:00:00Z",
                MACHINE,
                "0.12",
                "1.90",
                "kmon-benchmarks/run.sh",
                "JMH settings",
                new Results(measurements),
                Optional.of(
                        new Footprint(1000, 7000, 7200, 7300, 7100, 32, 3900, 7400, "  6,432,000 B    2,000 x [I")));
    }

    @Test
    void render_showsMachineCommandAndATablePerBenchmark() {
        String doc = Report.render(
                run(List.of(
                        new Measurement("Baseline", "direct", Map.of(), 1, 2.0, 0.1, 0.0, 0.0),
                        new Measurement("Kmon", "proxy", Map.of(), 1, 40.25, 1.5, 0.0, 0.125),
                        new Measurement(
                                "Export", "kmonJson", Map.of("methods", "100"), 1, 123_456, 789, 4096, Double.NaN))),
                "Why.");

        assertTrue(doc.contains("| CPU | Test CPU |"), doc);
        assertTrue(doc.contains("| Clock source (`System.nanoTime`) | tsc |"), doc);
        assertTrue(doc.contains("| 1-minute load at start | 0.12 |"), doc);
        assertTrue(doc.contains("```\nkmon-benchmarks/run.sh\n```"), doc);
        assertTrue(doc.contains("| `proxy` |  | 1 | 40.25 | 1.50 | 0.0 | 38.3 ± 1.5 | 0.13 |"), doc);
        assertTrue(doc.contains("| `kmonJson` | methods=100 | 1 | 123,456 | 789 | 4,096.0 |  | n/a |"), doc);
        assertTrue(
                doc.contains("### 3. The same monitoring through `java.lang.reflect.Proxy`\n\n_Not in this run._"),
                doc);
        assertTrue(doc.contains("| Fresh (wrapped, never called) | 7,000 | 6.84 |"), doc);
    }

    @Test
    void analysis_survivesRegeneration() {
        String first = Report.render(run(List.of()), "kmon misses X because Y; Z would close it.");

        String second = Report.render(run(List.of()), Report.analysisOf(first));

        assertEquals(first, second);
        assertEquals("kmon misses X because Y; Z would close it.", Report.analysisOf(second));
    }

    @Test
    void analysisOfADocumentWithoutOne_asksForIt() {
        assertEquals(Report.NO_ANALYSIS, Report.analysisOf("# some other file\n"));
    }
}
