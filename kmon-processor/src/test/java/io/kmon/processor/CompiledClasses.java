package io.kmon.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of an in-memory compilation (the test's sources and the generated
 * {@code Monitored*} classes). Its parent is the test's own loader, so the loaded code shares
 * {@code io.kmon.Kmon} and the JDK with the test.
 */
final class CompiledClasses extends ClassLoader {
    private static final String OUTPUT = "CLASS_OUTPUT/";

    private final Map<String, byte[]> classes = new HashMap<>();

    CompiledClasses(Compilation compilation) {
        super(CompiledClasses.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String binaryName = path.substring(
                                path.indexOf(OUTPUT) + OUTPUT.length(), path.length() - ".class".length())
                        .replace('/', '.');
                classes.put(binaryName, bytes(file));
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The size in bytes of one compiled class, for the sanity figures. */
    int size(String binaryName) {
        return classes.get(binaryName).length;
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
