package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.kmon.annotations.MetricNaming;
import io.kmon.processor.ops.OpsResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations resources written next to each generated class: the rules fire where the
 * in-process alerts would and stay silent otherwise ({@code promtool test rules} on
 * {@code ops/billing.test.yml}), every rule file of the whole good corpus passes
 * {@code promtool check rules}, every dashboard has the structure Grafana imports and every
 * dashboard query is valid PromQL.
 */
class OpsResourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void promtoolTestRules_slowCallAndAlertOnFailureFire_andOtherwiseStaySilent(@TempDir Path dir) throws Exception {
        Compilation compilation = Compile.succeeding(Compile.resource("ops/Billing.java"));
        Files.writeString(
                dir.resolve("ops.Billing" + OpsResources.RULES),
                resource(compilation, "ops.Billing", OpsResources.RULES));
        try (InputStream test = getClass().getResourceAsStream("/ops/billing.test.yml")) {
            Files.copy(test, dir.resolve("billing.test.yml"));
        }

        Promtool.Result result = Promtool.run(dir, "test", "rules", "billing.test.yml");

        assertEquals(0, result.exitCode(), result.output());
        assertThat(result.output()).contains("SUCCESS");
    }

    /** Alert labels are Go templates in Prometheus: a component name that looks like one stays text. */
    @Test
    void componentNameLikeATemplate_isTheAlertsLabelAsWritten(@TempDir Path dir) throws Exception {
        Compilation compilation = Compile.succeeding(Compile.source("Templated", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.SlowAlert;

                @Monitored(name = "t{{ 1 }}\\"", prefix = "x")
                @SlowAlert(millis = 500)
                public interface Templated { void run(); }
                """));
        Files.writeString(dir.resolve("t.rules.yml"), resource(compilation, "test.Templated", OpsResources.RULES));
        String series = "{component=\"t{{ 1 }}\\\"\",method=\"run\",instance=\"a\",job=\"j\"}";
        Files.writeString(dir.resolve("t.test.yml"), """
                rule_files: [t.rules.yml]
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'x_duration_seconds_count%s'
                        values: '0 1 2 3'
                      - series: 'x_duration_seconds_bucket%s'
                        values: '0 0 0 0'
                    alert_rule_test:
                      - eval_time: 3m
                        alertname: KmonSlowCall
                        exp_alerts:
                          - exp_labels: {severity: warning, component: 't{{ 1 }}"', method: run, instance: a, job: j}
                            exp_annotations:
                              summary: 'Slow calls of t{{ 1 }}" run'
                              description: 'Calls slower than 0.5 s in the last 5m: 3 (@SlowAlert(millis = 500))'
                """.formatted(
                        series, series.substring(0, series.length() - 1) + ",le=\"0.5\"}"));

        Promtool.Result result = Promtool.run(dir, "test", "rules", "t.test.yml");

        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void rules_useTheExportersNames_andTheThresholdsBoundary() {
        Compilation compilation = Compile.succeeding(Compile.resource("ops/Billing.java"));
        String rules = resource(compilation, "ops.Billing", OpsResources.RULES);

        assertThat(rules)
                .contains("api_duration_seconds_bucket{component=\\\"billing_api\\\",method=\\\"invoice\\\","
                        + "le=\\\"" + MetricNaming.leLabel(0.5) + "\\\"}");
        assertThat(rules).contains("le=\\\"0.125\\\""); // 100 ms: the next boundary up
        assertThat(rules).contains("error_type=~\\\"ConnectException|GatewayDownException|IllegalStateException\\\"");
        assertThat(rules).doesNotContain("version"); // @NotMonitored: no rule
        assertThat(rules).contains("severity: critical");
    }

    @Test
    void slowThresholdAboveTheLargestBoundary_getsACommentNotARule() {
        Compilation compilation = Compile.succeeding(Compile.source("Patient", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.SlowAlert;

                @Monitored
                @SlowAlert(millis = 20_000)
                public interface Patient { void run(); }
                """));
        String rules = resource(compilation, "test.Patient", OpsResources.RULES);

        assertThat(rules).contains("# run: @SlowAlert(millis = 20000) is above the largest classic bucket boundary");
        assertThat(rules).doesNotContain("KmonSlowCall");
        assertThat(resource(compilation, "test.Patient", OpsResources.CATALOGUE))
                .doesNotContain("rule_le");
    }

    @Test
    void everyGoodCorpusShape_hasRulesPromtoolAccepts_andAnImportableDashboardOfValidQueries(@TempDir Path dir)
            throws Exception {
        List<JavaFileObject> sources = corpus();
        Compilation compilation = Compile.javac().compile(sources);
        assertThat(compilation).succeeded();
        List<String> interfaces = compilation.generatedFiles().stream()
                .map(f -> f.getName())
                .filter(n -> n.endsWith(OpsResources.CATALOGUE))
                .map(n -> n.substring(n.lastIndexOf('/') + 1, n.length() - OpsResources.CATALOGUE.length()))
                .sorted()
                .toList();
        assertThat(interfaces).hasSize(compilation.generatedSourceFiles().size());

        List<String> args = new ArrayList<>(List.of("check", "rules"));
        Map<String, String> queries = new TreeMap<>();
        for (String name : interfaces) {
            Path rules = dir.resolve(name + OpsResources.RULES);
            Files.writeString(rules, resource(compilation, name, OpsResources.RULES));
            args.add(rules.getFileName().toString());
            JsonNode dashboard = JSON.readTree(resource(compilation, name, OpsResources.DASHBOARD));
            assertImportable(name, dashboard);
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    queries.put("q" + queries.size(), target.get("expr").asText());
                }
            }
            JsonNode catalogue = JSON.readTree(resource(compilation, name, OpsResources.CATALOGUE));
            assertEquals(name, catalogue.get("interface").asText());
        }
        Files.writeString(dir.resolve("dashboard-queries.yml"), recordingRules(queries));
        args.add("dashboard-queries.yml");

        Promtool.Result result = Promtool.run(dir, args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.output());
        assertThat(result.output()).doesNotContain("FAILED");
    }

    /** The fields Grafana's import reads, with the data source as the {@code datasource} variable. */
    private static void assertImportable(String name, JsonNode d) {
        assertTrue(d.get("title").isTextual(), name);
        assertTrue(d.get("uid").isTextual() && d.get("uid").asText().length() <= 40, name);
        assertTrue(d.get("schemaVersion").isInt(), name);
        boolean datasourceVariable = false;
        for (JsonNode v : d.get("templating").get("list")) {
            datasourceVariable |= v.get("name").asText().equals("datasource")
                    && v.get("type").asText().equals("datasource")
                    && v.get("query").asText().equals("prometheus");
        }
        assertTrue(datasourceVariable, name);
        assertTrue(d.get("panels").isArray() && d.get("panels").size() >= 5, name);
        for (JsonNode panel : d.get("panels")) {
            assertTrue(panel.get("id").isInt() && panel.get("type").isTextual(), name);
            assertTrue(panel.get("title").isTextual(), name);
            for (String k : List.of("h", "w", "x", "y")) {
                assertTrue(panel.get("gridPos").get(k).isInt(), name);
            }
            assertEquals("${datasource}", panel.get("datasource").get("uid").asText(), name);
            assertTrue(panel.get("targets").size() > 0, name);
            for (JsonNode target : panel.get("targets")) {
                assertTrue(target.get("refId").isTextual(), name);
                assertEquals(
                        "${datasource}", target.get("datasource").get("uid").asText(), name);
                assertTrue(target.get("expr").isTextual(), name);
            }
        }
    }

    /** Each query as a recording rule, Grafana's {@code $__rate_interval} as Grafana would expand it. */
    private static String recordingRules(Map<String, String> queries) throws IOException {
        StringBuilder y = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            y.append("      - record: kmon:dashboard:").append(q.getKey()).append('\n');
            // a JSON string is a YAML double-quoted scalar
            y.append("        expr: ")
                    .append(JSON.writeValueAsString(q.getValue().replace("$__rate_interval", "1m")))
                    .append('\n');
        }
        return y.toString();
    }

    private static String resource(Compilation compilation, String interfaceName, String suffix) {
        JavaFileObject file = compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, OpsResources.FOLDER + interfaceName + suffix)
                .orElseThrow(() -> new AssertionError("no " + interfaceName + suffix));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every good corpus shape and the rule tests' interface. */
    private static List<JavaFileObject> corpus() throws IOException {
        Path root = Path.of("src/test/resources");
        try (Stream<Path> files = Files.walk(root.resolve("corpus/good"))) {
            List<JavaFileObject> sources =
                    new ArrayList<>(files.filter(f -> f.toString().endsWith(".java"))
                            .sorted()
                            .map(f -> JavaFileObjects.forResource(
                                    root.relativize(f).toString().replace('\\', '/')))
                            .toList());
            sources.add(Compile.resource("ops/Billing.java"));
            return sources;
        }
    }
}
