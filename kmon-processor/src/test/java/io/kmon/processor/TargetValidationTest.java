package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.kmon.annotations.Monitored;
import io.kmon.processor.validation.Messages;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Bad {@code @Monitored} targets: each is a compile error on the element, with a message that
 * says what to do, and no class is generated for it.
 */
class TargetValidationTest {

    @Test
    void classTarget_fails() {
        assertRejected("Foo", """
                package test;

                @io.kmon.annotations.Monitored
                public class Foo {}
                """, Messages.NOT_AN_INTERFACE, "@io.kmon.annotations.Monitored");
    }

    @Test
    void enumTarget_fails() {
        assertRejected("Color", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored enum Color { RED }
                """, Messages.NOT_AN_INTERFACE, "@Monitored enum Color");
    }

    @Test
    void recordTarget_fails() {
        assertRejected("Point", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public record Point(int x, int y) {}
                """, Messages.NOT_AN_INTERFACE, "@Monitored");
    }

    @Test
    void annotationTarget_fails() {
        assertRejected("Tag", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public @interface Tag {}
                """, Messages.NOT_AN_INTERFACE, "@Monitored");
    }

    @Test
    void privateInterface_fails() {
        assertRejected("Holder", """
                package test;

                import io.kmon.annotations.Monitored;

                public class Holder {
                    @Monitored private interface Secret { void run(); }
                }
                """, Messages.PRIVATE_INTERFACE, "@Monitored private interface Secret");
    }

    @Test
    void interfaceInsideAPrivateClass_fails() {
        assertRejected("Holder", """
                package test;

                import io.kmon.annotations.Monitored;

                public class Holder {
                    private static class Inner {
                        @Monitored interface Api { void run(); }
                    }
                }
                """, Messages.PRIVATE_INTERFACE, "@Monitored interface Api");
    }

    @Test
    void localInterface_fails() {
        // javac hands processors no local types; the file's other @Monitored interface makes it run.
        assertLocalRejected("""
                package test;

                import io.kmon.annotations.Monitored;

                public class Holder {
                    @Monitored public interface Fine { void run(); }

                    void method() {
                        @Monitored interface Local { void run(); }
                    }
                }
                """, "@Monitored interface Local");
    }

    @Test
    void interfaceInsideAnAnonymousClassOrLambda_fails() {
        assertLocalRejected("""
                package test;

                import io.kmon.annotations.Monitored;

                public class Holder {
                    @Monitored public interface Fine { void run(); }

                    Object anonymous = new Object() {
                        @Monitored interface InAnonymous { void run(); }
                    };

                    Runnable lambda = () -> {
                        @Monitored interface InLambda { void run(); }
                    };
                }
                """, "@Monitored interface InAnonymous", "@Monitored interface InLambda");
    }

    @Test
    void sealedInterface_fails() {
        assertRejected("Shape", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public sealed interface Shape permits Circle { double area(); }

                final class Circle implements Shape { public double area() { return 1; } }
                """, Messages.SEALED_INTERFACE, "@Monitored");
    }

    @Test
    void invalidPrefix_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored(prefix = "9lives")
                public interface Api { void run(); }
                """, Messages.INVALID_PREFIX, "prefix = \"9lives\"");
    }

    @Test
    void blankName_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored(name = "  ")
                public interface Api { void run(); }
                """, Messages.BLANK_NAME, "name = ");
    }

    @Test
    void generatedNameTakenByAnExistingType_fails() {
        JavaFileObject api = Compile.source("Api", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public interface Api { void run(); }
                """);
        JavaFileObject existing = Compile.source("MonitoredApi", """
                package test;

                public class MonitoredApi {}
                """);

        FilerSpy spy = new FilerSpy();

        Compilation compilation = Compiler.javac().withProcessors(spy).compile(api, existing);

        assertThat(compilation)
                .hadErrorContaining(Messages.NAME_CLASH)
                .inFile(api)
                .onLineContaining("@Monitored");
        assertThat(spy.created()).isEmpty();
    }

    @Test
    void twoInterfacesWithTheSameGeneratedName_failOnTheSecond() {
        JavaFileObject nested = Compile.source("Outer", """
                package test;

                import io.kmon.annotations.Monitored;

                public class Outer {
                    @Monitored public interface Api { void run(); }
                }
                """);
        JavaFileObject flat = Compile.source("Outer_Api", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public interface Outer_Api { void run(); }
                """);

        FilerSpy spy = new FilerSpy();

        Compilation compilation = Compiler.javac().withProcessors(spy).compile(nested, flat);

        assertThat(compilation)
                .hadErrorContaining(Messages.NAME_CLASH)
                .inFile(flat)
                .onLineContaining("@Monitored");
        // the first gets its class and its operations resources; the second nothing
        assertThat(spy.created())
                .containsExactly(
                        "test.MonitoredOuter_Api",
                        "META-INF/kmon/test.Outer$Api.rules.yml",
                        "META-INF/kmon/test.Outer$Api.dashboard.json",
                        "META-INF/kmon/test.Outer$Api.metrics.json");
    }

    @Test
    void methodClashingWithWrap_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public interface Api {
                    Api wrap(Api other);
                }
                """, Messages.WRAP_CLASH, "Api wrap(Api other)");
    }

    @Test
    void privateTypeInASignature_fails() {
        assertRejected("Holder", """
                package test;

                import io.kmon.annotations.Monitored;

                public class Holder {
                    private static final class Secret {}

                    @Monitored interface Api {
                        java.util.List<Secret> secrets();
                    }
                }
                """, Messages.INACCESSIBLE_TYPE, "java.util.List<Secret> secrets()");
    }

    @Test
    void privateExceptionInAlertOn_fails() {
        assertRejected("Holder", """
                package test;

                import io.kmon.annotations.AlertOn;
                import io.kmon.annotations.Monitored;

                public class Holder {
                    private static final class Boom extends RuntimeException {}

                    @Monitored interface Api {
                        @AlertOn(Boom.class)
                        void run();
                    }
                }
                """, Messages.INACCESSIBLE_TYPE, "@AlertOn(Boom.class)");
    }

    @Test
    void runtimeMissingFromTheClasspath_fails() throws URISyntaxException {
        File annotationsOnly = new File(Monitored.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        JavaFileObject api = Compile.source("Api", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public interface Api { void run(); }
                """);

        FilerSpy spy = new FilerSpy();

        Compilation compilation = Compiler.javac()
                .withProcessors(spy)
                .withClasspath(List.of(annotationsOnly))
                .compile(api);

        assertThat(compilation)
                .hadErrorContaining(Messages.RUNTIME_MISSING)
                .inFile(api)
                .onLineContaining("@Monitored");
        assertThat(spy.created()).isEmpty();
    }

    @Test
    void unresolvedType_failsWithoutGeneratingAnything() {
        JavaFileObject api = Compile.source("Api", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public interface Api { Missing make(); }
                """);

        FilerSpy spy = new FilerSpy();

        Compilation compilation = Compiler.javac().withProcessors(spy).compile(api);

        assertThat(compilation)
                .hadErrorContaining(Messages.UNRESOLVED_TYPE)
                .inFile(api)
                .onLineContaining("interface Api");
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertThat(spy.created()).isEmpty();
    }

    /** Compiles one bad source and checks the error, its place, and that nothing was generated. */
    static void assertRejected(String name, String text, String message, String line) {
        JavaFileObject source = Compile.source(name, text);
        FilerSpy spy = new FilerSpy();

        Compilation compilation = Compiler.javac().withProcessors(spy).compile(source);

        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
        assertThat(compilation).hadErrorCount(1);
        assertThat(spy.created()).isEmpty();
    }

    /** Compiles a source with a local {@code @Monitored} type; the real processor is needed to see it. */
    private static void assertLocalRejected(String text, String... lines) {
        JavaFileObject source = Compile.source("Holder", text);

        Compilation compilation = Compile.javac().compile(source);

        for (String line : lines) {
            assertThat(compilation)
                    .hadErrorContaining(Messages.LOCAL_TYPE)
                    .inFile(source)
                    .onLineContaining(line);
        }
        assertThat(compilation).hadErrorCount(lines.length);
    }
}
