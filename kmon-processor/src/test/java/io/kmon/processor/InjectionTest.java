package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.kmon.Kmon;
import io.kmon.processor.validation.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Annotation values that try to smuggle code into the generated source: a component name is
 * shown in javadoc escaped and passed as a string literal, so it stays text; a prefix must be a
 * metric name, so a hostile one is a compile error and nothing is generated.
 */
class InjectionTest {
    /** The component name of {@code corpus/good/Injection.java}, as the runtime must see it. */
    static final String NAME = "billing */ final class Injected { static { System.setProperty(\"kmon.injected\","
            + " \"ran\"); } } /* \\u002a/ {@code } @see <b>&amp;</b>\n * @deprecated";

    private static final String PROPERTY = "kmon.injected";

    @Test
    void hostileComponentName_staysText_andTheInjectedClassNeitherCompilesNorRuns() throws Exception {
        Compilation compilation = Compile.javac()
                .withOptions("-Xlint:all", "-Werror")
                .compile(Compile.resource("corpus/good/Injection.java"));

        assertThat(compilation).succeededWithoutWarnings();
        List<String> classes = compilation.generatedFiles().stream()
                .filter(f -> f.getKind() == JavaFileObject.Kind.CLASS)
                .map(f -> f.toUri().getPath().replaceAll(".*CLASS_OUTPUT/", ""))
                .sorted()
                .toList();
        assertEquals(List.of("test/Injection.class", "test/MonitoredInjection.class"), classes);
        String source = source(compilation.generatedSourceFiles().get(0));
        assertThat(source).doesNotContain("System.setProperty(\"kmon.injected\"");
        assertThat(source).contains("component=billing &#42;&#47; final class Injected &#123; static");

        Kmon kmon = Compile.kmon();
        CompiledClasses loaded = new CompiledClasses(compilation);
        Class<?> iface = loaded.loadClass("test.Injection");
        Method wrap = loaded.loadClass("test.MonitoredInjection").getMethod("wrap", iface, Kmon.class);
        Object proxy = wrap.invoke(
                null,
                java.lang.reflect.Proxy.newProxyInstance(
                        iface.getClassLoader(), new Class<?>[] {iface}, (self, method, args) -> null),
                kmon);
        iface.getMethod("charge", long.class).invoke(proxy, 5L);

        assertNull(System.getProperty(PROPERTY), "the injected static block never ran");
        assertEquals(1, kmon.snapshot().count("kmon.calls", "component", NAME, "method", "charge"));
    }

    @Test
    void hostilePrefix_isOneErrorOnTheInterface_andNothingIsGenerated() {
        JavaFileObject file = Compile.resource("corpus/bad/InjectedPrefix.java");
        FilerSpy spy = new FilerSpy();
        Compilation compilation = Compiler.javac().withProcessors(spy).compile(file);

        assertThat(compilation)
                .hadErrorContaining(Messages.INVALID_PREFIX)
                .inFile(file)
                .onLineContaining("@Monitored(prefix");
        assertThat(compilation).hadErrorCount(1);
        assertThat(spy.created()).isEmpty();
    }

    private static String source(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
