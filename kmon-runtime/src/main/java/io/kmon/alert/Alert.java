package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
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
 * @param details structured facts (numbers, strings), in insertion order
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

    /** Checks the fields and copies {@code details}. */
    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(rule, "rule");
        details = Details.copy(details);
        if (suppressed < 0) {
            throw new IllegalArgumentException("suppressed must not be negative: " + suppressed);
        }
    }
}
