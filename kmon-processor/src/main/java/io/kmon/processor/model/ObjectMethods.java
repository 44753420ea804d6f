package io.kmon.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Matches interface methods against {@code java.lang.Object}'s by name and erased parameter
 * types, as the compiler does: {@code boolean equals(@Nullable Object other)} is
 * {@code Object.equals} whatever annotations its types carry.
 */
public final class ObjectMethods {
    private final Types types;
    private final List<ExecutableElement> objectMethods;

    /** Reads {@code java.lang.Object} through {@code elements}. */
    public ObjectMethods(Elements elements, Types types) {
        this.types = types;
        TypeElement object = elements.getTypeElement(Object.class.getCanonicalName());
        this.objectMethods = ElementFilter.methodsIn(object.getEnclosedElements()).stream()
                .filter(m -> !m.getModifiers().contains(Modifier.STATIC))
                .filter(m -> !m.getModifiers().contains(Modifier.PRIVATE))
                .toList();
    }

    /**
     * Whether {@code method} redeclares one of {@code Object}'s public methods ({@code equals},
     * {@code hashCode}, {@code toString}): the generated class always passes those to the
     * delegate, unmonitored.
     */
    public boolean isPublicObjectMethod(ExecutableElement method) {
        return overridden(method)
                .filter(m -> m.getModifiers().contains(Modifier.PUBLIC))
                .isPresent();
    }

    /**
     * The {@code Object} method that an implementation of {@code method} overrides, if any: a
     * public one, or {@code clone} and {@code finalize}, which an interface may redeclare.
     */
    public Optional<ExecutableElement> overridden(ExecutableElement method) {
        return objectMethods.stream()
                .filter(o -> sameErasedSignature(o, method))
                .findFirst();
    }

    private boolean sameErasedSignature(ExecutableElement a, ExecutableElement b) {
        if (!a.getSimpleName().equals(b.getSimpleName())
                || a.getParameters().size() != b.getParameters().size()) {
            return false;
        }
        for (int i = 0; i < a.getParameters().size(); i++) {
            TypeMirror pa = types.erasure(a.getParameters().get(i).asType());
            TypeMirror pb = types.erasure(b.getParameters().get(i).asType());
            if (!types.isSameType(pa, pb)) {
                return false;
            }
        }
        return true;
    }
}
