package io.kmon.processor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Names of generated classes: {@code Foo} becomes {@code MonitoredFoo} in the same package,
 * and a nested {@code Outer.Api} becomes {@code MonitoredOuter_Api}, so generated classes are
 * always top-level and never depend on the nesting class being open to change.
 */
public final class GeneratedNames {
    private static final String PREFIX = "Monitored";

    private GeneratedNames() {}

    /** The simple name of the class generated for {@code type}. */
    public static String simpleName(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        Element e = type;
        while (e instanceof TypeElement t) {
            names.addFirst(t.getSimpleName().toString());
            e = t.getEnclosingElement();
        }
        return PREFIX + String.join("_", names);
    }

    /** The qualified name of the class generated for {@code type}. */
    public static String qualifiedName(TypeElement type, Elements elements) {
        String pkg = packageName(type, elements);
        return pkg.isEmpty() ? simpleName(type) : pkg + "." + simpleName(type);
    }

    /** The package of {@code type}; empty for the unnamed package. */
    public static String packageName(TypeElement type, Elements elements) {
        PackageElement pkg = elements.getPackageOf(type);
        return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    }
}
