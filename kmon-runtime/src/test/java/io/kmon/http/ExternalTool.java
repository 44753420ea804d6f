package io.kmon.http;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a command-line tool a test needs (promtool, chromium). Missing, the test is skipped
 * on a developer machine and fails under {@code CI=true}, where {@code .ci/run} installs it.
 */
final class ExternalTool {
    private ExternalTool() {}

    /** The first of {@code names} on the PATH. */
    static String require(String debianPackage, String... names) {
        Optional<String> found = find(names);
        if (found.isEmpty()) {
            String message = String.join(" or ", names) + " not found on PATH; install the Debian package '"
                    + debianPackage + "' (apt-get install -y --no-install-recommends " + debianPackage + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    static Optional<String> find(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.isFile() && f.canExecute()) {
                    return Optional.of(f.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
