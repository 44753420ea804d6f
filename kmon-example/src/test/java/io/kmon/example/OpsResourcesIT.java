package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar carries the processor's operations resources of the example's {@code @Monitored}
 * media API (its MCP layer is monitored by kmon-mcp, which has no interface to annotate), the
 * runtime's {@code io.kmon.ops.OpsResources} collects them, and promtool accepts the rules.
 */
class OpsResourcesIT {
    private static final List<String> EXPECTED = List.of(
            "io.kmon.example.catalog.MediaCatalog.dashboard.json",
            "io.kmon.example.catalog.MediaCatalog.metrics.json",
            "io.kmon.example.catalog.MediaCatalog.rules.yml");

    @Test
    void collectedFromTheJar_theMediaApisResources_andPromtoolAcceptsTheRules(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ops");
        run(dir, ExampleJar.java(), "-cp", ExampleJar.jar().toString(), "io.kmon.ops.OpsResources", out.toString());

        List<String> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(EXPECTED, files);
        String api = Files.readString(out.resolve("io.kmon.example.catalog.MediaCatalog.rules.yml"));
        assertTrue(api.contains("error_type=~\\\"CatalogAuthenticationException|CatalogConnectionException\\\""), api);
        assertTrue(Files.isDirectory(ExampleJar.jar().resolveSibling("kmon-ops")), "the build collects them too");

        String promtool = promtool();
        List<String> check = new ArrayList<>(List.of(promtool, "check", "rules"));
        files.stream()
                .filter(f -> f.endsWith(".rules.yml"))
                .forEach(f -> check.add(out.resolve(f).toString()));
        run(dir, check.toArray(String[]::new));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
    }

    /** promtool from the PATH: skipped without it, except under {@code CI=true}. */
    private static String promtool() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, "promtool");
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        String message = "promtool not on PATH; install the Debian package 'prometheus'";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        return null;
    }
}
