package io.kmon.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs {@link KmonProcessor} and records every file it asks the {@code Filer} for, so a test
 * can check that a failed compilation left no generated source behind (compile-testing hands
 * out generated files only when compilation succeeds).
 *
 * <p>The processor sees a wrapped environment, which javac's syntax-tree API does not accept,
 * so the local-type scan is off under this spy.
 */
final class FilerSpy extends ForwardingProcessor {
    private final List<String> created = new ArrayList<>();

    /** Names of the source files the processor created. */
    List<String> created() {
        return List.copyOf(created);
    }

    @Override
    public void init(ProcessingEnvironment env) {
        processor.init(new Environment(env));
    }

    private final class Environment implements ProcessingEnvironment {
        private final ProcessingEnvironment env;
        private final Filer filer;

        Environment(ProcessingEnvironment env) {
            this.env = env;
            this.filer = new RecordingFiler(env.getFiler());
        }

        @Override
        public Map<String, String> getOptions() {
            return env.getOptions();
        }

        @Override
        public Messager getMessager() {
            return env.getMessager();
        }

        @Override
        public Filer getFiler() {
            return filer;
        }

        @Override
        public Elements getElementUtils() {
            return env.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return env.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return env.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return env.getLocale();
        }
    }

    private final class RecordingFiler implements Filer {
        private final Filer filer;

        RecordingFiler(Filer filer) {
            this.filer = filer;
        }

        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            created.add(name.toString());
            return filer.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
            created.add(name.toString());
            return filer.createClassFile(name, originatingElements);
        }

        @Override
        public FileObject createResource(
                JavaFileManager.Location location,
                CharSequence moduleAndPkg,
                CharSequence relativeName,
                Element... originatingElements)
                throws IOException {
            created.add(relativeName.toString());
            return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
        }

        @Override
        public FileObject getResource(
                JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
                throws IOException {
            return filer.getResource(location, moduleAndPkg, relativeName);
        }
    }
}
