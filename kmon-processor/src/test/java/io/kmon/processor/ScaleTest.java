package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A sanity figure, not a benchmark: compiles 500 generated {@code @Monitored} interfaces and
 * prints the time spent inside the processor, the whole compilation's time, and the size of
 * one generated class. No timing assertion; the figures are printed with the test output:
 * {@code mvn -B -pl kmon-processor -am test -Dtest=ScaleTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScaleTest {
    private static final int INTERFACES = 500;

    @Test
    void fiveHundredInterfaces_areAllGenerated() {
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < INTERFACES; i++) {
            sources.add(Compile.source(name(i), source(i)));
        }
        TimedProcessor processor = new TimedProcessor();

        long start = System.nanoTime();
        Compilation compilation = Compiler.javac().withProcessors(processor).compile(sources);
        long compileNanos = System.nanoTime() - start;

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFiles()).hasSize(INTERFACES);
        CompiledClasses classes = new CompiledClasses(compilation);
        String generated = Golden.generatedSource(compilation, "test.Monitored" + name(0));
        System.out.printf(
                Locale.ROOT,
                "kmon processor: %d interfaces (6 methods each), %.0f ms in the processor,"
                        + " %.0f ms whole compilation (javac, in memory, one run, warm-up not excluded);"
                        + " one generated class: %d bytes of source, %d bytes of bytecode%n",
                INTERFACES,
                processor.nanos / 1e6,
                compileNanos / 1e6,
                generated.length(),
                classes.size("test.Monitored" + name(0)));
    }

    @Test
    void goldenInterface_generatedClassSize() {
        Compilation compilation = Compile.succeeding(Compile.resource("golden/Warehouse.java"));
        int bytes = new CompiledClasses(compilation).size("test.MonitoredWarehouse");

        assertThat(bytes).isGreaterThan(0);
        System.out.printf(
                Locale.ROOT,
                "kmon processor: MonitoredWarehouse (golden, 9 methods): %d bytes of source,"
                        + " %d bytes of bytecode%n",
                Golden.generatedSource(compilation, "test.MonitoredWarehouse").length(),
                bytes);
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "Api%03d", i);
    }

    private static String source(int i) {
        return """
                package test;

                import io.kmon.annotations.AlertOn;
                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.NotMonitored;
                import io.kmon.annotations.SlowAlert;
                import java.io.IOException;
                import java.util.List;
                import java.util.concurrent.CompletableFuture;

                @Monitored
                @SlowAlert(millis = 250)
                public interface %1$s<T> {
                    String get(int id) throws IOException;

                    String get(String key);

                    @AlertOn(IOException.class)
                    void put(String key, List<? extends T> values) throws IOException;

                    CompletableFuture<T> load(long id);

                    <R extends Comparable<R>> R convert(T value, Class<R> type);

                    @NotMonitored
                    String name();
                }
                """.formatted(name(i));
    }

    /** Runs {@link KmonProcessor} and adds up the time javac spends inside it. */
    private static final class TimedProcessor extends ForwardingProcessor {
        private long nanos;

        @Override
        public void init(ProcessingEnvironment env) {
            long start = System.nanoTime();
            processor.init(env);
            nanos += System.nanoTime() - start;
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            long start = System.nanoTime();
            try {
                return processor.process(annotations, round);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }
    }
}
