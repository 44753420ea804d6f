package io.kmon.processor.model;

import io.kmon.annotations.AlertLevel;
import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;
import io.kmon.annotations.SlowAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Finds kmon's annotations on elements and reads their values through annotation mirrors. It
 * never calls {@code Element.getAnnotation}: a {@code Class} value such as
 * {@code @AlertOn(IOException.class)} cannot be read that way at compile time, and mirrors
 * also let a diagnostic point at the annotation.
 */
public final class KmonAnnotations {
    /** {@code io.kmon.annotations.Monitored}. */
    public static final String MONITORED = Monitored.class.getCanonicalName();
    /** {@code io.kmon.annotations.SlowAlert}. */
    public static final String SLOW_ALERT = SlowAlert.class.getCanonicalName();
    /** {@code io.kmon.annotations.AlertOn}. */
    public static final String ALERT_ON = AlertOn.class.getCanonicalName();
    /** {@code io.kmon.annotations.NotMonitored}. */
    public static final String NOT_MONITORED = NotMonitored.class.getCanonicalName();

    private final Elements elements;

    /** Reads annotations with {@code elements} (for default values). */
    public KmonAnnotations(Elements elements) {
        this.elements = elements;
    }

    /** The annotation {@code qualifiedName} directly on {@code element}, if present. */
    public Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** Whether the annotation {@code qualifiedName} is directly on {@code element}. */
    public boolean has(Element element, String qualifiedName) {
        return find(element, qualifiedName).isPresent();
    }

    /** The value of {@code name}, or its default. */
    public AnnotationValue value(AnnotationMirror mirror, String name) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                elements.getElementValuesWithDefaults(mirror);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("no attribute '" + name + "' in " + mirror);
    }

    /** A {@code String} attribute. */
    public String string(AnnotationMirror mirror, String name) {
        return (String) value(mirror, name).getValue();
    }

    /** {@code @SlowAlert(millis)}. */
    public long millis(AnnotationMirror slowAlert) {
        return ((Number) value(slowAlert, "millis").getValue()).longValue();
    }

    /** {@code @SlowAlert(level)}. */
    public AlertLevel level(AnnotationMirror slowAlert) {
        VariableElement constant = (VariableElement) value(slowAlert, "level").getValue();
        return AlertLevel.valueOf(constant.getSimpleName().toString());
    }

    /** The entries of {@code @AlertOn(value)}, one per class literal. */
    public List<AnnotationValue> alertOnValues(AnnotationMirror alertOn) {
        Object value = value(alertOn, "value").getValue();
        List<AnnotationValue> entries = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                entries.add((AnnotationValue) entry);
            }
        }
        return entries;
    }

    /**
     * The type a class literal names, or empty when it did not resolve (javac then reports the
     * missing type itself).
     */
    public static Optional<TypeElement> classValue(AnnotationValue value) {
        if (value.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.DECLARED) {
            return Optional.of((TypeElement) ((DeclaredType) type).asElement());
        }
        return Optional.empty();
    }
}
