package io.kmon.format;

import io.kmon.annotations.MetricNaming;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link PrometheusText}'s HELP texts: a monitored method's series and kmon's call count say what
 * they count, others name the metric.
 */
final class PrometheusHelp {
    private static final Map<String, String> METHOD_SERIES = Map.of(
            MetricNames.CALLS, MetricNaming.CALLS_HELP,
            MetricNames.SUCCESSES, MetricNaming.SUCCESSES_HELP,
            MetricNames.ERRORS, MetricNaming.ERRORS_HELP,
            MetricNames.DURATION, MetricNaming.DURATION_HELP);
    private final Set<String> prefixes = new HashSet<>();

    PrometheusHelp(MetricsSnapshot snapshot) {
        snapshot.methods().forEach(m -> prefixes.add(m.prefix()));
    }

    String of(String name, String type) {
        if (name.equals(MetricNames.ERRORS_COUNT)) {
            return MetricNaming.ERRORS_COUNT_HELP;
        }
        int dot = name.lastIndexOf('.');
        String text = dot < 0 ? null : METHOD_SERIES.get(name.substring(dot));
        if (text != null && prefixes.contains(name.substring(0, dot))) {
            return MetricNaming.methodHelp(text, name);
        }
        return "kmon " + type + " " + name;
    }
}
