package io.kmon.processor.model;

import io.kmon.annotations.AlertLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the {@link ProxyModel} of a {@code @Monitored} interface that passed validation.
 *
 * <p>Alert settings: a method's own {@code @SlowAlert} replaces the interface's; its
 * {@code @AlertOn} types add to the interface's. A method's annotations are read where it is
 * declared, and only when that interface is {@code @Monitored} too (validation rejects them
 * anywhere else in the sources being compiled).
 */
public final class ProxyModelFactory {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Elements elements;
    private final Types types;
    private final KmonAnnotations annotations;
    private final InterfaceMethods interfaceMethods;
    private final MethodTags methodTags;
    private final ObjectMethods objectMethods;

    /** Uses the compiler's element and type utilities. */
    public ProxyModelFactory(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.annotations = new KmonAnnotations(elements);
        this.interfaceMethods = new InterfaceMethods(elements, types);
        this.methodTags = new MethodTags(types);
        this.objectMethods = new ObjectMethods(elements, types);
    }

    /** The model of {@code iface}, which carries {@code @Monitored}. */
    public ProxyModel create(TypeElement iface) {
        AnnotationMirror monitored =
                annotations.find(iface, KmonAnnotations.MONITORED).orElseThrow();
        String name = annotations.string(monitored, "name");
        // The qualified name by default: a.Client and b.Client, compiled together or apart, must
        // never share a component by accident (that merges their series, or fails the second wrap).
        String component = name.isEmpty() ? iface.getQualifiedName().toString() : name;
        String prefix = annotations.string(monitored, "prefix");

        Optional<AnnotationMirror> typeSlow = annotations.find(iface, KmonAnnotations.SLOW_ALERT);
        List<TypeElement> typeAlertOn = alertOn(iface);

        List<InterfaceMethod> found = interfaceMethods.implementedBy(iface);
        List<String> tags = methodTags.tags(found);
        List<String> fields = MethodTags.fieldNames(tags);
        List<ProxyMethod> methods = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            InterfaceMethod m = found.get(i);
            boolean own = annotations.has(m.element().getEnclosingElement(), KmonAnnotations.MONITORED);
            Optional<AnnotationMirror> slow = own
                    ? annotations.find(m.element(), KmonAnnotations.SLOW_ALERT).or(() -> typeSlow)
                    : typeSlow;
            Set<TypeElement> alertOn = new LinkedHashSet<>(typeAlertOn);
            if (own) {
                alertOn.addAll(alertOn(m.element()));
            }
            boolean notMonitored = own && annotations.has(m.element(), KmonAnnotations.NOT_MONITORED);
            methods.add(new ProxyMethod(
                    m.element(),
                    m.type(),
                    m.thrownTypes(),
                    notMonitored ? MethodKind.DELEGATED : isAsync(m) ? MethodKind.ASYNC : MethodKind.TIMED,
                    tags.get(i),
                    fields.get(i),
                    slow.map(a -> annotations.millis(a) * NANOS_PER_MILLI).orElse(0L),
                    slow.map(annotations::level).orElse(AlertLevel.WARNING),
                    List.copyOf(alertOn),
                    elements.isDeprecated(m.element()),
                    m.element().isVarArgs() && !isReifiable(last(m)),
                    suppressedWarnings(m.element(), objectMethods.overridden(m.element()))));
        }
        return new ProxyModel(
                iface,
                GeneratedNames.packageName(iface, elements),
                GeneratedNames.simpleName(iface),
                isVisibleOutsidePackage(iface),
                component,
                prefix,
                enclosingOrSelf(iface).anyMatch(elements::isDeprecated),
                enclosingOrSelf(iface).anyMatch(ProxyModelFactory::forRemoval),
                methods);
    }

    private List<TypeElement> alertOn(Element element) {
        List<TypeElement> types = new ArrayList<>();
        annotations.find(element, KmonAnnotations.ALERT_ON).ifPresent(mirror -> {
            for (AnnotationValue value : annotations.alertOnValues(mirror)) {
                KmonAnnotations.classValue(value).ifPresent(types::add);
            }
        });
        return types;
    }

    /**
     * The interface and the types that enclose it. The generated class names the interface
     * through them, so a deprecated enclosing type makes every such name a deprecated use.
     */
    private static Stream<Element> enclosingOrSelf(TypeElement iface) {
        return Stream.iterate(
                (Element) iface,
                e -> e != null && (e.getKind().isClass() || e.getKind().isInterface()),
                Element::getEnclosingElement);
    }

    private static boolean forRemoval(Element element) {
        Deprecated deprecated = element.getAnnotation(Deprecated.class);
        return deprecated != null && deprecated.forRemoval();
    }

    private List<String> suppressedWarnings(Element element, Optional<ExecutableElement> overriddenInObject) {
        List<String> suppressed = new ArrayList<>();
        SuppressWarnings suppress = element.getAnnotation(SuppressWarnings.class);
        if (suppress != null) {
            suppressed.addAll(List.of(suppress.value()));
        }
        // The implementation overrides and calls a method deprecated for removal, and javac
        // warns about both even inside deprecated code; @Deprecated alone does not silence it.
        if (forRemoval(element)) {
            suppressed.add("removal");
        }
        // An interface may redeclare Object's finalize (deprecated since 9, for removal since 18):
        // the implementation then overrides it, which javac reports however the interface reads.
        overriddenInObject
                .filter(elements::isDeprecated)
                .ifPresent(overridden -> suppressed.add(forRemoval(overridden) ? "removal" : "deprecation"));
        return suppressed;
    }

    private boolean isAsync(InterfaceMethod m) {
        TypeMirror returned = m.type().getReturnType();
        if (returned.getKind() != TypeKind.DECLARED && returned.getKind() != TypeKind.TYPEVAR) {
            return false;
        }
        TypeElement stage = elements.getTypeElement("java.util.concurrent.CompletionStage");
        return types.isAssignable(types.erasure(returned), types.erasure(stage.asType()));
    }

    private static TypeMirror last(InterfaceMethod m) {
        List<? extends TypeMirror> params = m.type().getParameterTypes();
        return ((ArrayType) params.get(params.size() - 1)).getComponentType();
    }

    /** Whether values of {@code type} keep their full type at run time (JLS 4.7). */
    private static boolean isReifiable(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> isReifiable(((ArrayType) type).getComponentType());
            case DECLARED ->
                ((DeclaredType) type)
                        .getTypeArguments().stream()
                                .allMatch(arg -> arg instanceof WildcardType w
                                        && w.getExtendsBound() == null
                                        && w.getSuperBound() == null);
            case TYPEVAR, WILDCARD, INTERSECTION, UNION -> false;
            default -> true;
        };
    }

    private static boolean isVisibleOutsidePackage(TypeElement iface) {
        for (Element e = iface; e instanceof TypeElement; e = e.getEnclosingElement()) {
            Set<Modifier> modifiers = e.getModifiers();
            if (!modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.PROTECTED)) {
                return false;
            }
        }
        return true;
    }
}
