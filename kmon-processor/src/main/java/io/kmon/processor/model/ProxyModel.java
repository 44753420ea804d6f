package io.kmon.processor.model;

import java.util.List;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * Everything code generation needs to write one {@code Monitored*} class; built from a
 * validated {@code @Monitored} interface by {@link ProxyModelFactory}.
 *
 * @param element the {@code @Monitored} interface, also the generated file's originating element
 * @param packageName the package of the interface and of the generated class
 * @param className the generated class's simple name, for example {@code MonitoredOuter_Api}
 * @param isPublic whether the generated class is public: it is when the interface can be seen
 *     outside its package, and package-private otherwise
 * @param component the component name (tag {@code component})
 * @param prefix the first part of every metric name
 * @param deprecated whether the interface, or a type enclosing it, is deprecated (the generated
 *     class is too)
 * @param forRemoval whether either is deprecated for removal: javac warns about every use of it
 *     even inside deprecated code, so the generated class suppresses {@code removal}
 * @param methods the methods to implement, in declaration order (the interface's own first)
 */
public record ProxyModel(
        TypeElement element,
        String packageName,
        String className,
        boolean isPublic,
        String component,
        String prefix,
        boolean deprecated,
        boolean forRemoval,
        List<ProxyMethod> methods) {

    /** Copies the list and checks for nulls. */
    public ProxyModel {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(prefix, "prefix");
        methods = List.copyOf(methods);
    }

    /** The generated class's qualified name. */
    public String qualifiedClassName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }
}
