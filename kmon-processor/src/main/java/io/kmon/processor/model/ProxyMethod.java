package io.kmon.processor.model;

import io.kmon.annotations.AlertLevel;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * One method the generated class implements.
 *
 * @param element the interface method (possibly inherited from a super-interface)
 * @param type its type as a member of the monitored interface, with type arguments of
 *     super-interfaces substituted
 * @param thrownTypes the checked exceptions the implementation may declare; narrower than the
 *     element's when several super-interfaces declare the same method
 * @param kind how the method is implemented
 * @param tag the {@code method} tag: the name, or {@code name(Param,...)} when overloaded
 * @param field the name of the handle field; unused for {@link MethodKind#DELEGATED}
 * @param slowNanos the {@code @SlowAlert} threshold in nanoseconds; 0 for none
 * @param slowLevel the level of the slow-call alert
 * @param alertOn the {@code @AlertOn} exception types, interface's first, without repeats
 * @param deprecated whether the interface method is deprecated (the implementation is too)
 * @param safeVarargs whether the method takes generic varargs, which the implementation
 *     passes on untouched and so may declare safe
 * @param suppressedWarnings the interface method's {@code @SuppressWarnings} values: the
 *     implementation repeats its signature (raw types, say), so it repeats the suppression
 */
public record ProxyMethod(
        ExecutableElement element,
        ExecutableType type,
        List<TypeMirror> thrownTypes,
        MethodKind kind,
        String tag,
        String field,
        long slowNanos,
        AlertLevel slowLevel,
        List<TypeElement> alertOn,
        boolean deprecated,
        boolean safeVarargs,
        List<String> suppressedWarnings) {

    /** Copies the lists and checks for nulls. */
    public ProxyMethod {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(type, "type");
        thrownTypes = List.copyOf(thrownTypes);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(slowLevel, "slowLevel");
        alertOn = List.copyOf(alertOn);
        suppressedWarnings = List.copyOf(suppressedWarnings);
    }

    /** The method's simple name. */
    public String name() {
        return element.getSimpleName().toString();
    }
}
