package io.kmon.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** An interface that uses a type another processor generates waits for the round that has it. */
class DeferralTest {
    private static final String USES_LATER = """
            package test;

            import io.kmon.annotations.Monitored;

            @Monitored
            public interface UsesLater {
                Later make();
            }
            """;

    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.util.function.Function;

            public final class LaterScenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    Later later = new Later();
                    Later returned = MonitoredUsesLater.wrap(() -> later, kmon).make();
                    long before = kmon.snapshot().count("kmon.calls", "component", "test.UsesLater", "method", "make");
                    returned.complete("later");
                    long after = kmon.snapshot().count("kmon.calls", "component", "test.UsesLater", "method", "make");
                    return returned.join() + ":" + before + ":" + after;
                }
            }
            """;

    /** Generates {@code test.Later}, a future type, in its first round, as AutoValue or Immutables would. */
    static final class LaterProcessor extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer writer =
                        processingEnv.getFiler().createSourceFile("test.Later").openWriter()) {
                    writer.write("package test;"
                            + " public final class Later extends java.util.concurrent.CompletableFuture<String> {}");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    /** Only once Later resolves can the processor see that it is a future, and time it to completion. */
    @Test
    void typeGeneratedInALaterRound_isWaitedFor() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new KmonProcessor(), new LaterProcessor())
                .compile(Compile.source("UsesLater", USES_LATER), Compile.source("LaterScenario", SCENARIO));

        assertThat(compilation).succeededWithoutWarnings();
        assertEquals("later:0:1", Compile.run(compilation, "LaterScenario", Compile.kmon()));
    }
}
