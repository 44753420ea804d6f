package io.kmon.processor.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Walks the types a method signature mentions (return type, parameters, thrown types, type
 * parameter bounds, and every type argument, array component and bound inside them) and
 * finds the first that fails a test: an unresolved type, or one the generated class cannot
 * name.
 */
final class TypeReferences {
    private TypeReferences() {}

    /** The first type in {@code method}'s signature matching {@code bad}, if any. */
    static Optional<TypeMirror> findIn(ExecutableElement method, Predicate<TypeMirror> bad) {
        Walker walker = new Walker(bad);
        for (TypeParameterElement parameter : method.getTypeParameters()) {
            for (TypeMirror bound : parameter.getBounds()) {
                walker.walk(bound);
            }
        }
        walker.walk(method.getReturnType());
        method.getParameters().forEach(p -> walker.walk(p.asType()));
        method.getThrownTypes().forEach(walker::walk);
        return Optional.ofNullable(walker.found);
    }

    /** The first type among {@code types} (and inside them) matching {@code bad}, if any. */
    static Optional<TypeMirror> findIn(List<? extends TypeMirror> types, Predicate<TypeMirror> bad) {
        Walker walker = new Walker(bad);
        types.forEach(walker::walk);
        return Optional.ofNullable(walker.found);
    }

    /** The type parameters' bounds of {@code type}. */
    static List<TypeMirror> bounds(TypeElement type) {
        return type.getTypeParameters().stream()
                .flatMap(p -> p.getBounds().stream())
                .map(TypeMirror.class::cast)
                .toList();
    }

    private static final class Walker {
        private final Predicate<TypeMirror> bad;
        private final Set<Element> seenVariables = new HashSet<>();
        private TypeMirror found;

        Walker(Predicate<TypeMirror> bad) {
            this.bad = bad;
        }

        void walk(TypeMirror type) {
            if (found != null || type == null) {
                return;
            }
            if (bad.test(type)) {
                found = type;
                return;
            }
            switch (type.getKind()) {
                case ARRAY -> walk(((ArrayType) type).getComponentType());
                case DECLARED -> {
                    DeclaredType declared = (DeclaredType) type;
                    walk(declared.getEnclosingType());
                    declared.getTypeArguments().forEach(this::walk);
                }
                case WILDCARD -> {
                    walk(((WildcardType) type).getExtendsBound());
                    walk(((WildcardType) type).getSuperBound());
                }
                case TYPEVAR -> {
                    // T extends Comparable<T> refers to itself: walk each variable's bounds once.
                    TypeVariable variable = (TypeVariable) type;
                    if (seenVariables.add(variable.asElement())) {
                        walk(variable.getUpperBound());
                        walk(variable.getLowerBound());
                    }
                }
                case INTERSECTION -> ((IntersectionType) type).getBounds().forEach(this::walk);
                default -> {
                    // primitives, void, null: nothing inside
                }
            }
        }
    }

    /** Whether {@code type} is an unresolved (erroneous) type. */
    static boolean isUnresolved(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR;
    }
}
