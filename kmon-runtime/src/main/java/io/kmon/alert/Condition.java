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
 * @param component the alert's component
 * @param subject what the condition is about within the rule (usually the component)
 * @param level the alert's level
 * @param message the alert's message
 * @param details the alert's details
 */
public record Condition(String component, String subject, AlertLevel level, String message, Map<String, Object> details) {

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
     * @param component the alert's component, and the condition's subject
     * @param level the alert's level
     * @param message the alert's message
     * @param details the alert's details
     * @return the condition
     */
    public static Condition of(String component, AlertLevel level, String message, Map<String, ?> details) {
        return new Condition(component, component, level, message, SafeValues.details(details));
    }
}
