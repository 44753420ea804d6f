package io.kmon.processor.validation;

import io.kmon.processor.codegen.NameScope;
import io.kmon.processor.codegen.RuntimeTypes;
import io.kmon.processor.model.GeneratedNames;
import io.kmon.processor.model.InterfaceMethod;
import io.kmon.processor.model.InterfaceMethods;
import io.kmon.processor.model.KmonAnnotations;
import io.kmon.processor.model.ProxyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks that a type carrying {@code @Monitored} can get a {@code Monitored*} class that
 * compiles: an interface the generated class can see and implement, valid annotation values,
 * a free class name, and signatures that name only types visible from its package. Every
 * problem is reported on the element it concerns.
 */
public final class MonitoredTypeValidator {
    /** The runtime's rule for metric names ({@code io.kmon.metrics.MeterId}). */
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final KnownTypes knownTypes;
    private final KmonAnnotations annotations;
    private final InterfaceMethods interfaceMethods;
    private final NameScope scope;

    /**
     * Reports through {@code messager}; checks generated names against {@code knownTypes}, and
     * what the names in a generated class would hide with {@code scope}.
     */
    public MonitoredTypeValidator(
            Elements elements, Types types, Messager messager, KnownTypes knownTypes, NameScope scope) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
        this.knownTypes = knownTypes;
        this.scope = scope;
        this.annotations = new KmonAnnotations(elements);
        this.interfaceMethods = new InterfaceMethods(elements, types);
    }

    /** The checks that need no resolved types: kind, visibility, {@code @Monitored} values. */
    public boolean validateDeclaration(TypeElement type) {
        AnnotationMirror monitored =
                annotations.find(type, KmonAnnotations.MONITORED).orElseThrow();
        if (type.getKind() != ElementKind.INTERFACE) {
            return error(Messages.NOT_AN_INTERFACE + " (found " + describe(type.getKind()) + ")", type, monitored);
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return error(Messages.LOCAL_TYPE, type, monitored);
            }
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return error(Messages.PRIVATE_INTERFACE, type, monitored);
            }
        }
        if (type.getModifiers().contains(Modifier.SEALED)) {
            return error(Messages.SEALED_INTERFACE, type, monitored);
        }
        boolean valid = true;
        AnnotationValue prefix = annotations.value(monitored, "prefix");
        if (!METRIC_NAME.matcher((String) prefix.getValue()).matches()) {
            valid = error(
                    Messages.INVALID_PREFIX + " (prefix = \"" + prefix.getValue() + "\")", type, monitored, prefix);
        }
        AnnotationValue name = annotations.value(monitored, "name");
        String nameText = (String) name.getValue();
        if (!nameText.isEmpty() && nameText.isBlank()) {
            valid = error(Messages.BLANK_NAME, type, monitored, name);
        }
        return valid;
    }

    /** The checks on the generated class's name and on the types the interface uses. */
    public boolean validateUsage(TypeElement iface) {
        AnnotationMirror monitored =
                annotations.find(iface, KmonAnnotations.MONITORED).orElseThrow();
        for (String runtimeType : RuntimeTypes.requiredOnClasspath()) {
            if (elements.getTypeElement(runtimeType) == null) {
                return error(Messages.RUNTIME_MISSING + " (missing " + runtimeType + ")", iface, monitored);
            }
        }
        String className = GeneratedNames.qualifiedName(iface, elements);
        Optional<String> holder = knownTypes.holderOf(className);
        if (holder.isPresent()) {
            return error(Messages.NAME_CLASH + " (" + className + " is " + holder.get() + ")", iface, monitored);
        }

        boolean valid = true;
        String pkg = GeneratedNames.packageName(iface, elements);
        Optional<TypeMirror> hidden = TypeReferences.findIn(TypeReferences.bounds(iface), t -> !isVisible(t, pkg));
        if (hidden.isPresent()) {
            valid = error(Messages.INACCESSIBLE_TYPE + " (" + hidden.get() + ")", iface, monitored);
        }
        for (InterfaceMethod method : interfaceMethods.implementedBy(iface)) {
            ExecutableElement element = method.element();
            Element where = element.getEnclosingElement().equals(iface) ? element : iface;
            List<TypeMirror> used = new ArrayList<>(method.type().getParameterTypes());
            used.add(method.type().getReturnType());
            used.addAll(method.thrownTypes());
            used.addAll(method.type().getTypeVariables());
            hidden = TypeReferences.findIn(used, t -> !isVisible(t, pkg));
            if (hidden.isPresent()) {
                valid = error(Messages.INACCESSIBLE_TYPE + " (" + hidden.get() + " in " + element + ")", where);
            }
            if (isWrapSignature(iface, method)) {
                valid = error(Messages.WRAP_CLASH + " (" + element + ")", where);
            }
        }
        for (Element annotated : alertOnCarriers(iface)) {
            AnnotationMirror alertOn =
                    annotations.find(annotated, KmonAnnotations.ALERT_ON).orElseThrow();
            for (AnnotationValue value : annotations.alertOnValues(alertOn)) {
                Optional<TypeElement> exception = KmonAnnotations.classValue(value);
                if (exception.isPresent() && !isVisible(exception.get().asType(), pkg)) {
                    valid = error(Messages.INACCESSIBLE_TYPE + " (" + exception.get() + ")", annotated, alertOn, value);
                }
            }
        }
        return valid;
    }

    /** The check on the model: every name its class must write can be written. */
    public boolean validateModel(ProxyModel model) {
        Optional<Element> hider = scope.hider(model);
        if (hider.isEmpty()) {
            return true;
        }
        Element hiding = hider.get();
        Element where = isWithin(hiding, model.element()) ? hiding : model.element();
        return error(Messages.NAME_HIDDEN + " (" + hiding.getSimpleName() + ")", where);
    }

    private static boolean isWithin(Element element, TypeElement iface) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            if (e.equals(iface)) {
                return true;
            }
        }
        return false;
    }

    private List<Element> alertOnCarriers(TypeElement iface) {
        List<Element> carriers = new ArrayList<>();
        if (annotations.has(iface, KmonAnnotations.ALERT_ON)) {
            carriers.add(iface);
        }
        for (Element member : iface.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && annotations.has(member, KmonAnnotations.ALERT_ON)) {
                carriers.add(member);
            }
        }
        return carriers;
    }

    /** Whether an instance method has the erased signature of {@code wrap(Foo)} or {@code wrap(Foo, Kmon)}. */
    private boolean isWrapSignature(TypeElement iface, InterfaceMethod method) {
        if (!method.element().getSimpleName().contentEquals("wrap")) {
            return false;
        }
        List<? extends TypeMirror> params = method.type().getParameterTypes();
        TypeElement kmon =
                elements.getTypeElement(RuntimeTypes.requiredOnClasspath().get(0));
        boolean first =
                !params.isEmpty() && types.isSameType(types.erasure(params.get(0)), types.erasure(iface.asType()));
        return first
                && (params.size() == 1
                        || params.size() == 2
                                && kmon != null
                                && types.isSameType(types.erasure(params.get(1)), kmon.asType()));
    }

    /** Whether code in package {@code pkg}, outside any class that nests the type, can name {@code type}. */
    private boolean isVisible(TypeMirror type, String pkg) {
        if (type.getKind() != TypeKind.DECLARED) {
            return true;
        }
        for (Element e = ((DeclaredType) type).asElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
            boolean samePackage = elements.getPackageOf(t).getQualifiedName().contentEquals(pkg);
            if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case ANNOTATION_TYPE -> "an annotation type";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private boolean error(String message, Element element) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        return false;
    }

    private boolean error(String message, Element element, AnnotationMirror annotation) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
        return false;
    }

    private boolean error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
        return false;
    }
}
