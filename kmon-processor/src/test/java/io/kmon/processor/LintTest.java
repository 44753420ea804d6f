package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles without a single warning under {@code -Xlint:all -Werror}, for every
 * shape the tests use. The shapes' own sources are written to be warning-free too, so any
 * warning here comes from generated code.
 */
class LintTest {
    private static final List<String> SHAPES = List.of(
            "Repo", "Numbers", "Finder", "Service", "Named", "Source", "Both", "Outer", "Clashes", "Legacy", "Jobs",
            "Gateway", "Raw");

    @Test
    void everyShape_compilesWithoutWarningsUnderXlintAll() {
        JavaFileObject[] sources = Stream.concat(
                        SHAPES.stream().map(Compile::shape),
                        Stream.of(
                                Compile.resource("golden/Warehouse.java"),
                                Compile.resource("shapes-clash/Clock.java"),
                                Compile.resource("shapes-clash/Kmon.java"),
                                Compile.resource("shapes-clash/System.java")))
                .toArray(JavaFileObject[]::new);

        Compilation compilation =
                Compile.javac().withOptions("-Xlint:all", "-Werror").compile(sources);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFiles()).hasSize(14);
    }
}
