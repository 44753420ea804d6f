package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.SafeValues;
import java.util.Map;
import java.util.Objects;

/**
 * A condition an {@link AlertRule} found true in one evaluation. The rule's name plus the
 * {@code subject} identify the condition for the cooldown: the same condition raises at most
 * one alert per cooldown, and one that stops firing is resolved and may raise again at once.
 *
 * <p>Its fields come in the order every alert API takes them: level, message, component, then
 * what else the call needs, details last.
 *
 * @param level the alert's level
 * @param message the alert's message
 * @param component the alert's component
 * @param subject what the condition is about within the rule (usually the component)
 * @param details the alert's details
 */
public record Condition(
        AlertLevel level, String message, String component, String subject, Map<String, Object> details) {

    /**
     * Checks the fields and copies {@code details}.
     *
     * @param component the alert's component
     * @param subject what the condition is about within the rule
     * @param level the alert's level
     * @param message the alert's message
     * @param details the alert's details
     */
    public Condition {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        details = SafeValues.details(details);
    }

    /**
     * A condition whose subject is its component.
     *
     * @param level the alert's level
     * @param message the alert's message
     * @param component the alert's component, and the condition's subject
     * @param details the alert's details
     * @return the condition
     */
    public static Condition of(AlertLevel level, String message, String component, Map<String, ?> details) {
        return new Condition(level, message, component, component, SafeValues.details(details));
    }
}
