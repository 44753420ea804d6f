package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor on its own: plain javac with {@code -processorpath kmon-processor.jar}
 * and nothing else there, as a build without Maven or Gradle would call it. Runs after
 * {@code package} (failsafe), against the shaded jar.
 */
class PlainJavacIT {
    private static final Path JAR = Path.of(System.getProperty("kmon.processor.jar", "target/kmon-processor.jar"));

    private static final String GREETER = """
            package demo;

            import io.kmon.annotations.Monitored;

            @Monitored(name = "greeter", prefix = "demo")
            public interface Greeter {
                String greet(String name);
            }
            """;

    private static final String SCENARIO = """
            package demo;

            import io.kmon.Kmon;
            import java.util.function.Function;

            public final class Scenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    Greeter greeter = MonitoredGreeter.wrap(name -> "hello " + name, kmon);
                    return greeter.greet("a") + ", " + greeter.greet("b");
                }
            }
            """;

    @Test
    void processorPathWithTheJarAlone_generatesWorkingCode(@TempDir Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(sources.resolve("Greeter.java"), GREETER);
        Files.writeString(sources.resolve("Scenario.java"), SCENARIO);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        // The class path is the generated code's (annotations and runtime); the processor path is the jar alone.
        int status = javac.getTask(
                                diagnostics,
                                null,
                                null,
                                List.of(
                                        "-processorpath", JAR.toString(),
                                        "-classpath", System.getProperty("java.class.path"),
                                        "-d", classes.toString(),
                                        "-Xlint:all,-processing", "-Werror"),
                                null,
                                javac.getStandardFileManager(null, null, null)
                                        .getJavaFileObjects(
                                                sources.resolve("Greeter.java").toFile(),
                                                sources.resolve("Scenario.java").toFile()))
                        .call()
                ? 0
                : 1;
        assertEquals(0, status, "javac failed:\n" + diagnostics);
        assertTrue(Files.exists(classes.resolve("demo/MonitoredGreeter.class")), "no MonitoredGreeter generated");

        try (Kmon kmon = Kmon.create();
                URLClassLoader loader =
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, PlainJavacIT.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            Function<Kmon, Object> scenario = (Function<Kmon, Object>)
                    loader.loadClass("demo.Scenario").getDeclaredConstructor().newInstance();
            assertEquals("hello a, hello b", scenario.apply(kmon));
            assertEquals(2, kmon.snapshot().count("demo.successes", "component", "greeter", "method", "greet"));
        }
    }

    @Test
    void jar_carriesRelocatedJavaPoetAndTheAnnotations() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("io/kmon/annotations/Monitored.class"), "annotations missing");
            assertTrue(
                    names.stream().anyMatch(n -> n.startsWith("io/kmon/processor/shaded/javapoet/")),
                    "relocated JavaPoet missing");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("com/palantir/")), "JavaPoet not relocated");
            assertTrue(
                    names.contains("META-INF/services/javax.annotation.processing.Processor"),
                    "processor not registered");
        }
    }
}
