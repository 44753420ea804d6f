package io.kmon.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.kmon.Kmon;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Function;
import javax.tools.JavaFileObject;

/** Compiles test sources with {@link KmonProcessor} and runs scenarios against the result. */
final class Compile {
    private Compile() {}

    /** A source file {@code test/<simpleName>.java}. */
    static JavaFileObject source(String simpleName, String text) {
        return JavaFileObjects.forSourceString("test." + simpleName, text);
    }

    /** A source from {@code src/test/resources/<path>}, for example {@code shapes/Repo.java}. */
    static JavaFileObject resource(String path) {
        return JavaFileObjects.forResource(path);
    }

    /** The shape {@code shapes/<name>.java}. */
    static JavaFileObject shape(String name) {
        return resource("shapes/" + name + ".java");
    }

    /** javac with kmon's processor. */
    static Compiler javac() {
        return Compiler.javac().withProcessors(new KmonProcessor());
    }

    /** Compiles {@code sources}, failing the test on any error. */
    static Compilation succeeding(JavaFileObject... sources) {
        Compilation compilation = javac().compile(sources);
        assertThat(compilation).succeeded();
        return compilation;
    }

    /** Loads {@code binaryName} from the compilation's classes. */
    static Class<?> load(Compilation compilation, String binaryName) {
        try {
            return new CompiledClasses(compilation).loadClass(binaryName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(binaryName + " was not compiled", e);
        }
    }

    /**
     * Loads {@code test.<scenario>}, a {@code Function<Kmon, Object>} compiled from the test's
     * sources, and applies it to {@code kmon}.
     */
    static Object run(Compilation compilation, String scenario, Kmon kmon) {
        try {
            Class<?> type = new CompiledClasses(compilation).loadClass("test." + scenario);
            @SuppressWarnings("unchecked")
            Function<Kmon, Object> function =
                    (Function<Kmon, Object>) type.getDeclaredConstructor().newInstance();
            return function.apply(kmon);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new AssertionError("could not run " + scenario, cause);
        }
    }

    /**
     * An isolated {@link Kmon} that starts no thread and registers no JVM listener (no
     * background thread, no system samplers), so tests need not close it.
     */
    static Kmon kmon() {
        return Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    }
}
