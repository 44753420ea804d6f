package io.kmon.processor.ops;

import io.kmon.annotations.MetricNaming;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The metric catalogue of one interface (JSON): every series its methods produce, with kmon's
 * name, the Prometheus name, type, unit, tags and the HELP text the exporter writes, and per
 * method the alerts the rules were made from.
 */
final class Catalogue {
    private Catalogue() {}

    static String write(OpsModel model) {
        StringBuilder j = new StringBuilder();
        j.append("{\n");
        j.append("  \"interface\": ").append(Text.json(model.interfaceName())).append(",\n");
        j.append("  \"component\": ").append(Text.json(model.component())).append(",\n");
        j.append("  \"prefix\": ").append(Text.json(model.prefix())).append(",\n");
        j.append("  \"metrics\": [\n");
        List<String> methodTags = List.of(MetricNaming.COMPONENT, MetricNaming.METHOD);
        metric(j, model.calls(), model.callsSample(), "counter", "calls", methodTags, MetricNaming.CALLS_HELP, true);
        metric(
                j,
                model.successes(),
                MetricNaming.counterSample(model.successes()),
                "counter",
                "calls",
                methodTags,
                MetricNaming.SUCCESSES_HELP,
                true);
        metric(
                j,
                model.errors(),
                model.errorsSample(),
                "counter",
                "calls",
                List.of(MetricNaming.COMPONENT, MetricNaming.METHOD, MetricNaming.ERROR_TYPE),
                MetricNaming.ERRORS_HELP,
                true);
        metric(
                j,
                model.duration(),
                model.durationFamily(),
                "histogram",
                "seconds",
                methodTags,
                MetricNaming.DURATION_HELP,
                true);
        metric(
                j,
                MetricNaming.ERRORS_COUNT,
                MetricNaming.counterSample(MetricNaming.ERRORS_COUNT),
                "counter",
                "calls",
                List.of(),
                MetricNaming.ERRORS_COUNT_HELP,
                false);
        j.setLength(j.length() - 2);
        j.append("\n  ],\n");
        j.append("  \"histogram_boundaries_seconds\": [");
        double[] bounds = MetricNaming.defaultBoundariesSeconds();
        for (int i = 0; i < bounds.length; i++) {
            j.append(i == 0 ? "" : ", ").append(MetricNaming.leLabel(bounds[i]));
        }
        j.append("],\n");
        j.append("  \"methods\": [");
        for (int i = 0; i < model.methods().size(); i++) {
            OpsMethod m = model.methods().get(i);
            j.append(i == 0 ? "\n" : ",\n");
            j.append("    {\"method\": ").append(Text.json(m.tag()));
            if (m.slowMillis() > 0) {
                OptionalDouble boundary = AlertRules.boundaryFor(m.slowMillis());
                j.append(", \"slow_alert\": {\"millis\": ")
                        .append(m.slowMillis())
                        .append(", \"severity\": ")
                        .append(Text.json(AlertRules.severity(m.slowLevel())));
                if (boundary.isPresent()) {
                    j.append(", \"rule_le\": ").append(Text.json(MetricNaming.leLabel(boundary.getAsDouble())));
                }
                j.append('}');
            }
            j.append(", \"alert_on\": [");
            for (int k = 0; k < m.alertOnTypes().size(); k++) {
                j.append(k == 0 ? "" : ", ").append(Text.json(m.alertOnTypes().get(k)));
            }
            j.append("]}");
        }
        j.append(model.methods().isEmpty() ? "]\n" : "\n  ]\n");
        j.append("}\n");
        return j.toString();
    }

    private static void metric(
            StringBuilder j,
            String name,
            String prometheus,
            String type,
            String unit,
            List<String> tags,
            String help,
            boolean namedInHelp) {
        j.append("    {\"name\": ")
                .append(Text.json(name))
                .append(", \"prometheus\": ")
                .append(Text.json(prometheus))
                .append(", \"type\": \"")
                .append(type)
                .append("\", \"unit\": \"")
                .append(unit)
                .append("\", \"tags\": [");
        for (int i = 0; i < tags.size(); i++) {
            j.append(i == 0 ? "" : ", ").append(Text.json(tags.get(i)));
        }
        j.append("], \"help\": ")
                .append(Text.json(namedInHelp ? MetricNaming.methodHelp(help, name) : help))
                .append("},\n");
    }
}
