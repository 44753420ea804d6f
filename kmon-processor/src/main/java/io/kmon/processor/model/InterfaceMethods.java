package io.kmon.processor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Lists the methods a generated class implements: every abstract and default method the
 * interface declares or inherits, minus static and private ones and minus redeclared
 * {@code equals}, {@code hashCode} and {@code toString} (the generated class always passes
 * those to the delegate). Overridden methods are left out by {@link Elements#getAllMembers};
 * a method that two unrelated super-interfaces both declare is kept once, with the most
 * specific return type and only the checked exceptions every declaration allows.
 *
 * <p>The order is stable: the interface's own methods in source order, then each
 * super-interface's, depth first in {@code extends} order.
 */
public final class InterfaceMethods {
    private final Elements elements;
    private final Types types;
    private final ObjectMethods objectMethods;

    /** Uses the compiler's element and type utilities. */
    public InterfaceMethods(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.objectMethods = new ObjectMethods(elements, types);
    }

    /** The methods the generated class for {@code iface} implements. */
    public List<InterfaceMethod> implementedBy(TypeElement iface) {
        DeclaredType site = (DeclaredType) iface.asType();
        Map<Element, Integer> order = hierarchyOrder(iface);
        List<ExecutableElement> candidates = ElementFilter.methodsIn(elements.getAllMembers(iface)).stream()
                .filter(m -> m.getEnclosingElement().getKind() == ElementKind.INTERFACE)
                .filter(m -> !m.getModifiers().contains(Modifier.STATIC)
                        && !m.getModifiers().contains(Modifier.PRIVATE))
                .filter(m -> !objectMethods.isPublicObjectMethod(m))
                .sorted(Comparator.<ExecutableElement>comparingInt(m -> order.getOrDefault(m.getEnclosingElement(), 0))
                        .thenComparingInt(m ->
                                m.getEnclosingElement().getEnclosedElements().indexOf(m)))
                .toList();

        Map<ExecutableElement, List<ExecutableElement>> groups = new LinkedHashMap<>();
        for (ExecutableElement method : candidates) {
            ExecutableElement same = groups.keySet().stream()
                    .filter(first -> sameSignature(site, first, method))
                    .findFirst()
                    .orElse(method);
            groups.computeIfAbsent(same, k -> new ArrayList<>()).add(method);
        }
        List<InterfaceMethod> methods = new ArrayList<>();
        for (List<ExecutableElement> group : groups.values()) {
            methods.add(merge(site, group));
        }
        return methods;
    }

    private ExecutableType typeOf(DeclaredType site, ExecutableElement method) {
        return (ExecutableType) types.asMemberOf(site, method);
    }

    private boolean sameSignature(DeclaredType site, ExecutableElement a, ExecutableElement b) {
        if (!a.getSimpleName().equals(b.getSimpleName())) {
            return false;
        }
        ExecutableType ta = typeOf(site, a);
        ExecutableType tb = typeOf(site, b);
        return types.isSubsignature(ta, tb) && types.isSubsignature(tb, ta);
    }

    private InterfaceMethod merge(DeclaredType site, List<ExecutableElement> group) {
        ExecutableElement chosen = group.get(0);
        if (chosen.getReturnType().getKind() != TypeKind.VOID) {
            // The implementation must return a type every declaration accepts: the most specific one.
            for (ExecutableElement candidate : group) {
                TypeMirror returned = typeOf(site, candidate).getReturnType();
                if (group.stream()
                        .allMatch(other ->
                                types.isSubtype(returned, typeOf(site, other).getReturnType()))) {
                    chosen = candidate;
                    break;
                }
            }
        }
        ExecutableType type = typeOf(site, chosen);
        List<TypeMirror> thrown = new ArrayList<>();
        for (TypeMirror exception : type.getThrownTypes()) {
            if (group.stream().allMatch(other -> isUnchecked(exception) || allows(typeOf(site, other), exception))) {
                thrown.add(exception);
            }
        }
        return new InterfaceMethod(chosen, type, thrown);
    }

    private boolean allows(ExecutableType method, TypeMirror exception) {
        return method.getThrownTypes().stream().anyMatch(declared -> types.isSubtype(exception, declared));
    }

    private boolean isUnchecked(TypeMirror exception) {
        TypeElement runtime = elements.getTypeElement(RuntimeException.class.getCanonicalName());
        TypeElement error = elements.getTypeElement(Error.class.getCanonicalName());
        return types.isSubtype(exception, runtime.asType()) || types.isSubtype(exception, error.asType());
    }

    private Map<Element, Integer> hierarchyOrder(TypeElement iface) {
        Map<Element, Integer> order = new LinkedHashMap<>();
        visit(iface, order);
        return order;
    }

    private void visit(TypeElement type, Map<Element, Integer> order) {
        if (order.putIfAbsent(type, order.size()) != null) {
            return;
        }
        for (TypeMirror parent : type.getInterfaces()) {
            if (parent.getKind() == TypeKind.DECLARED) {
                visit((TypeElement) types.asElement(parent), order);
            }
        }
    }
}
