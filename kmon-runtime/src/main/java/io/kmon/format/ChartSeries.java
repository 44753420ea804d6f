package io.kmon.format;

import io.kmon.alert.MemoryRule;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.SeriesStore;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The series the dashboard's charts draw, named by the server so the page never builds a
 * metric name: each component prefix's call counter and p95, kmon's error count, CPU, heap and
 * memory. Each list holds only names that have recent points, sorted.
 *
 * @param calls per prefix, {@code <prefix>.calls} (summed into one call rate)
 * @param errors {@code errors.count}
 * @param p95 per prefix, {@code <prefix>.duration.p95} (one line each)
 * @param cpu {@code system.cpu.usage_percent}
 * @param heap {@code jvm.memory.heap.used_bytes}
 * @param memory {@code system.memory.usage_percent}, drawn when there is no heap series
 */
public record ChartSeries(
        List<String> calls,
        List<String> errors,
        List<String> p95,
        List<String> cpu,
        List<String> heap,
        List<String> memory) {
    static final String CPU = "system.cpu.usage_percent";
    static final String HEAP = "jvm.memory.heap.used_bytes";

    /** The chart series of components with {@code prefixes}, among the names in {@code recent}. */
    static ChartSeries of(Iterable<String> prefixes, Set<String> recent) {
        Set<String> calls = new TreeSet<>();
        Set<String> p95 = new TreeSet<>();
        for (String prefix : prefixes) {
            calls.add(prefix + MetricNames.CALLS);
            p95.add(prefix + MetricNames.DURATION + SeriesStore.P95_SUFFIX);
        }
        return new ChartSeries(
                present(calls, recent),
                present(List.of(MetricNames.ERRORS_COUNT), recent),
                present(p95, recent),
                present(List.of(CPU), recent),
                present(List.of(HEAP), recent),
                present(List.of(MemoryRule.GAUGE), recent));
    }

    private static List<String> present(Collection<String> names, Set<String> recent) {
        return names.stream().filter(recent::contains).toList();
    }
}
