package io.kmon.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * Golden files: expected generated sources kept under {@code src/test/resources/golden}.
 * Regenerate them after an intended change to the generated code with
 * {@code mvn -B -pl kmon-processor -am verify -Dkmon.golden.update=true}, then review the diff.
 */
final class Golden {
    private static final String UPDATE = "kmon.golden.update";
    private static final String DIR = "kmon.golden.dir";

    private Golden() {}

    /** The text of one generated source file. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation
                .generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated"));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this run rewrites golden files instead of comparing with them. */
    static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /** The golden file {@code name}. */
    static Path file(String name) {
        return Path.of(System.getProperty(DIR, "src/test/resources/golden")).resolve(name);
    }

    /** The expected text of {@code name}, or {@code actual} after writing it when updating. */
    static String expected(String name, String actual) {
        Path path = file(name);
        try {
            if (updating()) {
                Files.writeString(path, actual);
                return actual;
            }
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + path + " (create it with -D" + UPDATE + "=true)", e);
        }
    }
}
