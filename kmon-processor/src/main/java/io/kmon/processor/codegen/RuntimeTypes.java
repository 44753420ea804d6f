package io.kmon.processor.codegen;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every type the generated code names, in one place. The processor never loads kmon-runtime:
 * it names the runtime's types here and checks that the compilation can see them
 * ({@link #requiredOnClasspath()}), so a processor and a runtime of the same release always
 * agree on one list.
 */
public final class RuntimeTypes {
    /** The {@code value} of the generated classes' {@code @Generated}. */
    public static final String GENERATOR = "io.kmon.processor.KmonProcessor";

    static final ClassName KMON = ClassName.get("io.kmon", "Kmon");
    static final ClassName COMPONENT_MONITOR = ClassName.get("io.kmon.internal", "ComponentMonitor");
    static final ClassName METHOD_MONITOR = ClassName.get("io.kmon.internal", "MethodMonitor");
    static final ClassName ALERT_LEVEL = ClassName.get("io.kmon.annotations", "AlertLevel");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName SYSTEM = ClassName.get("java.lang", "System");
    static final ClassName OBJECT = ClassName.get("java.lang", "Object");
    static final ClassName STRING = ClassName.get("java.lang", "String");
    static final ClassName THROWABLE = ClassName.get("java.lang", "Throwable");
    static final ClassName STACK_OVERFLOW_ERROR = ClassName.get("java.lang", "StackOverflowError");
    static final ClassName OVERRIDE = ClassName.get("java.lang", "Override");
    static final ClassName DEPRECATED = ClassName.get("java.lang", "Deprecated");
    static final ClassName SAFE_VARARGS = ClassName.get("java.lang", "SafeVarargs");
    static final ClassName SUPPRESS_WARNINGS = ClassName.get("java.lang", "SuppressWarnings");

    private static final List<ClassName> ALL = List.of(
            KMON,
            COMPONENT_MONITOR,
            METHOD_MONITOR,
            ALERT_LEVEL,
            GENERATED,
            OBJECTS,
            SYSTEM,
            OBJECT,
            STRING,
            THROWABLE,
            STACK_OVERFLOW_ERROR,
            OVERRIDE,
            DEPRECATED,
            SAFE_VARARGS,
            SUPPRESS_WARNINGS);

    /** The simple names of every type above. */
    static final Set<String> SIMPLE_NAMES =
            ALL.stream().map(ClassName::simpleName).collect(Collectors.toUnmodifiableSet());

    /** The first names of every package above: {@code java}, {@code javax}, {@code io}. */
    static final Set<String> PACKAGE_ROOTS = packageRoots(SIMPLE_NAMES);

    /**
     * The first names of the packages of the types called {@code simpleNames}: {@code java} of
     * {@code java.lang.System}. A variable or type of that name would obscure the package (JLS 6.4.2).
     */
    static Set<String> packageRoots(Set<String> simpleNames) {
        return ALL.stream()
                .filter(c -> simpleNames.contains(c.simpleName()))
                .map(c -> c.packageName().substring(0, c.packageName().indexOf('.')))
                .collect(Collectors.toUnmodifiableSet());
    }

    private RuntimeTypes() {}

    /** The qualified name of the {@code @Generated} annotation generated classes carry (Java 9+). */
    public static String generatedAnnotation() {
        return GENERATED.canonicalName();
    }

    /** Qualified names of the runtime types generated code needs on the compile classpath; Kmon first. */
    public static List<String> requiredOnClasspath() {
        return List.of(
                KMON.canonicalName(),
                COMPONENT_MONITOR.canonicalName(),
                METHOD_MONITOR.canonicalName(),
                ALERT_LEVEL.canonicalName());
    }
}
