package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Prometheus's {@code promtool}. Missing from the PATH, the test is skipped on a developer
 * machine and fails under {@code CI=true}, where {@code .ci/run} installs it (as kmon-runtime's
 * tests find it).
 */
final class Promtool {
    private Promtool() {}

    /** promtool's exit code and what it printed. */
    record Result(int exitCode, String output) {}

    /** Runs {@code promtool args...} in {@code dir}. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(require());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("promtool did not finish: " + output);
        }
        return new Result(p.exitValue(), output);
    }

    private static String require() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "promtool");
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        String message = "promtool not found on PATH; install the Debian package 'prometheus'"
                + " (apt-get install -y --no-install-recommends prometheus)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return null;
    }
}
