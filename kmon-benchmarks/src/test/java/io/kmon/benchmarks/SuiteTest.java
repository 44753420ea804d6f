package io.kmon.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteTest {

    @Test
    void parse_readsFlagsAndValues() {
        Map<String, String> options = Suite.parse(new String[] {"--smoke", "--out", "x.md", "--threads", "1"});

        assertEquals(Map.of("smoke", "true", "out", "x.md", "threads", "1"), options);
    }

    @Test
    void parse_unknownArgument_namesIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Suite.parse(new String[] {"--fast"}));

        assertTrue(e.getMessage().contains("--fast"), e.getMessage());
    }

    @Test
    void parse_optionWithoutValue_fails() {
        assertThrows(IllegalArgumentException.class, () -> Suite.parse(new String[] {"--out"}));
    }

    @Test
    void threads_parsesAListAndRejectsZero() {
        assertEquals(List.of(1, 2), Suite.threads("1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Suite.threads("0"));
        assertThrows(IllegalArgumentException.class, () -> Suite.threads("two"));
    }

    @Test
    void benchmarks_listsBenchmarkMethodsTheIncludeFinds() {
        assertEquals(
                List.of("io.kmon.benchmarks.KmonBenchmark.proxy", "io.kmon.benchmarks.KmonBenchmark.proxy1us"),
                Suite.benchmarks("KmonBenchmark\\.proxy(1us)?$"));
        assertEquals(List.of(), Suite.benchmarks("NoSuchBenchmark"));
    }

    @Test
    void benchmarks_all_coversEveryBenchmarkClassInTheIssuesOrder() {
        List<String> all = Suite.benchmarks(Suite.ALL);

        assertEquals("io.kmon.benchmarks.BaselineBenchmark.direct", all.get(0));
        assertTrue(all.contains("io.kmon.benchmarks.ExportBenchmark.referencePrometheus"), all.toString());
        for (Class<?> type : Suite.CLASSES) {
            assertTrue(all.stream().anyMatch(n -> n.startsWith(type.getName() + ".")), type.getName());
        }
    }

    @Test
    void allBenchmarksPattern_matchesBenchmarkMethodsOnly() {
        assertTrue("io.kmon.benchmarks.KmonBenchmark.proxy".matches(Suite.ALL));
        assertTrue(!"io.kmon.benchmarks.Suite.main".matches(Suite.ALL));
    }
}
