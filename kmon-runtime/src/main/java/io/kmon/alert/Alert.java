package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.SafeValues;
import java.util.Map;
import java.util.Objects;

/**
 * One raised alert. Immutable; serializes as a plain record.
 *
 * @param level the severity
 * @param message what happened, for people; when earlier alerts of the same condition were
 *     suppressed, it ends with how many
 * @param timestamp when it was raised, epoch milliseconds of kmon's clock
 * @param component what it concerns: a monitored component, {@code system}, {@code monitoring}, ...
 * @param rule what raised it: a rule's name, {@code slow_call}, {@code call_failure}, or
 *     {@value AlertEngine#MANUAL} for {@code Kmon.alert}
 * @param details structured facts, in insertion order, converted by {@link SafeValues} (bounded, serialisable)
 * @param suppressed alerts of the same condition suppressed by the cooldown since the previous one
 */
public record Alert(
        AlertLevel level,
        String message,
        long timestamp,
        String component,
        String rule,
        Map<String, Object> details,
        long suppressed) {

    /**
     * Checks the fields, bounds the strings and converts {@code details} ({@link SafeValues}).
     *
     * @param level the severity
     * @param message what happened, for people
     * @param timestamp when it was raised, epoch milliseconds of kmon's clock
     * @param component what it concerns
     * @param rule what raised it
     * @param details structured facts, in insertion order
     * @param suppressed alerts of the same condition suppressed since the previous one
     */
    public Alert {
        Objects.requireNonNull(level, "level");
        message = SafeValues.text(Objects.requireNonNull(message, "message"), SafeValues.MAX_STRING_BYTES);
        component = SafeValues.text(Objects.requireNonNull(component, "component"), SafeValues.MAX_STRING_BYTES);
        rule = SafeValues.text(Objects.requireNonNull(rule, "rule"), SafeValues.MAX_STRING_BYTES);
        details = SafeValues.details(details);
        if (suppressed < 0) {
            throw new IllegalArgumentException("suppressed must not be negative: " + suppressed);
        }
    }
}
