package io.kmon.processor.validation;

import io.kmon.processor.model.KmonAnnotations;
import io.kmon.processor.model.ObjectMethods;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks every {@code @SlowAlert}, {@code @AlertOn} and {@code @NotMonitored} in a round: each
 * must sit on a {@code @Monitored} interface or on a method the generated class implements,
 * with a positive threshold, a non-empty type list, and no {@code @NotMonitored} beside an
 * alert. Errors point at the annotation.
 */
public final class AnnotationPlacementValidator {
    private static final List<String> METHOD_ANNOTATIONS =
            List.of(KmonAnnotations.SLOW_ALERT, KmonAnnotations.ALERT_ON, KmonAnnotations.NOT_MONITORED);
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private final Elements elements;
    private final Messager messager;
    private final KmonAnnotations annotations;
    private final ObjectMethods objectMethods;

    /** Reports through {@code messager}. */
    public AnnotationPlacementValidator(Elements elements, Types types, Messager messager) {
        this.elements = elements;
        this.messager = messager;
        this.annotations = new KmonAnnotations(elements);
        this.objectMethods = new ObjectMethods(elements, types);
    }

    /**
     * Checks the round's annotated elements and returns the {@code @Monitored} interfaces whose
     * own annotations are wrong; those get no generated class.
     */
    public Set<TypeElement> validate(RoundEnvironment round) {
        Set<Element> annotated = new LinkedHashSet<>();
        for (String name : METHOD_ANNOTATIONS) {
            TypeElement annotation = elements.getTypeElement(name);
            if (annotation != null) {
                annotated.addAll(round.getElementsAnnotatedWith(annotation));
            }
        }
        Set<TypeElement> invalid = new LinkedHashSet<>();
        for (Element element : annotated) {
            Element owner = element instanceof TypeElement ? element : element.getEnclosingElement();
            boolean inMonitored =
                    owner.getKind() == ElementKind.INTERFACE && annotations.has(owner, KmonAnnotations.MONITORED);
            if (!validate(element, inMonitored) && inMonitored) {
                invalid.add((TypeElement) owner);
            }
        }
        return invalid;
    }

    private boolean validate(Element element, boolean inMonitored) {
        boolean valid = true;
        Optional<AnnotationMirror> slow = annotations.find(element, KmonAnnotations.SLOW_ALERT);
        Optional<AnnotationMirror> alertOn = annotations.find(element, KmonAnnotations.ALERT_ON);
        Optional<AnnotationMirror> notMonitored = annotations.find(element, KmonAnnotations.NOT_MONITORED);

        if (!inMonitored) {
            slow.ifPresent(a -> error(Messages.SLOW_ALERT_OUTSIDE_MONITORED, element, a));
            alertOn.ifPresent(a -> error(Messages.ALERT_ON_OUTSIDE_MONITORED, element, a));
            notMonitored.ifPresent(a -> error(Messages.NOT_MONITORED_OUTSIDE_MONITORED, element, a));
            valid = false;
        } else if (element instanceof ExecutableElement method && !isImplemented(method)) {
            for (AnnotationMirror a : List.of(slow, alertOn, notMonitored).stream()
                    .flatMap(Optional::stream)
                    .toList()) {
                error(Messages.NOT_A_PROXY_METHOD, element, a);
            }
            valid = false;
        } else if (notMonitored.isPresent() && (slow.isPresent() || alertOn.isPresent())) {
            error(Messages.NOT_MONITORED_CONFLICT, element, notMonitored.get());
            valid = false;
        }

        if (slow.isPresent()) {
            long millis = annotations.millis(slow.get());
            if (millis <= 0) {
                error(Messages.SLOW_ALERT_NOT_POSITIVE + " (millis = " + millis + ")", element, slow.get());
                valid = false;
            } else if (millis > MAX_MILLIS) {
                error(Messages.SLOW_ALERT_TOO_LONG + " (millis = " + millis + ")", element, slow.get());
                valid = false;
            }
        }
        if (alertOn.isPresent() && annotations.alertOnValues(alertOn.get()).isEmpty()) {
            error(Messages.ALERT_ON_EMPTY, element, alertOn.get());
            valid = false;
        }
        return valid;
    }

    private boolean isImplemented(ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        return !modifiers.contains(Modifier.STATIC)
                && !modifiers.contains(Modifier.PRIVATE)
                && !objectMethods.isPublicObjectMethod(method);
    }

    private void error(String message, Element element, AnnotationMirror annotation) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }
}
