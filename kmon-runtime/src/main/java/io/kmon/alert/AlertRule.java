package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.MetricsSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A rule the background loop evaluates over the latest metrics snapshot (every 60 s by
 * default). It returns the conditions that hold now; the engine raises an alert for each,
 * subject to the cooldown, and resolves those that no longer hold.
 *
 * <pre>{@code
 * kmon.alerts().addRule(AlertRule.when("queue_backlog", AlertLevel.WARNING, "Order queue backlog above 1,000",
 *         "orders",
 *         snapshot -> snapshot.gauges().anyMatch(g -> g.id().name().equals("orders.queued") && g.value() > 1000)));
 * }</pre>
 *
 * <p>Rules run on one thread, one at a time, so a rule may keep state between evaluations.
 * A rule that throws is counted and logged once; the other rules still run.
 */
public interface AlertRule {
    /** {@return the rule's name} Unique within an engine, part of each condition's identity. */
    String name();

    /**
     * {@return the conditions that hold in {@code snapshot}; empty when none}
     *
     * @param snapshot the metrics to evaluate
     */
    List<Condition> evaluate(MetricsSnapshot snapshot);

    /**
     * A rule that raises one alert when {@code predicate} holds.
     *
     * @param name the rule's name
     * @param level the alert's level
     * @param component the alert's component
     * @param message the alert's message
     * @param predicate when the alert is raised
     * @return the rule
     * @throws IllegalArgumentException when {@code name} is blank
     * @throws NullPointerException when an argument is null
     */
    static AlertRule when(
            String name, AlertLevel level, String message, String component, Predicate<MetricsSnapshot> predicate) {
        String checked = checkName(name);
        Condition condition = Condition.of(level, message, component, Map.of());
        Objects.requireNonNull(predicate, "predicate");
        return new AlertRule() {
            @Override
            public String name() {
                return checked;
            }

            @Override
            public List<Condition> evaluate(MetricsSnapshot snapshot) {
                return predicate.test(snapshot) ? List.of(condition) : List.of();
            }

            @Override
            public String toString() {
                return "AlertRule[" + checked + "]";
            }
        };
    }

    /**
     * Checks that {@code name} is usable as a rule name.
     *
     * @param name the name to check
     * @return {@code name}
     */
    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("rule name must not be blank: '" + name + "'");
        }
        return name;
    }
}
