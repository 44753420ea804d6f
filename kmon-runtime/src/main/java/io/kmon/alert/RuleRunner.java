package io.kmon.alert;

import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MetricsSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link AlertEngine}'s rules and the subjects each found last time, so conditions that stop holding get resolved. */
final class RuleRunner {
    private final InternalFailures failures;
    private final CopyOnWriteArrayList<AlertRule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> activeSubjects = new HashMap<>(); // guarded by this

    RuleRunner(InternalFailures failures) {
        this.failures = failures;
    }

    /** Adds {@code rule}, whose name was checked; throws when one of that name is registered. */
    synchronized void add(AlertRule rule, String name) {
        if (rules.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("an alert rule named '" + name + "' is already registered");
        }
        rules.add(rule);
    }

    synchronized boolean remove(String name) {
        activeSubjects.remove(name);
        return rules.removeIf(r -> r.name().equals(name));
    }

    List<String> names() {
        return rules.stream().map(AlertRule::name).toList();
    }

    /** Runs every rule over {@code snapshot}, firing and resolving its conditions through {@code engine}. */
    synchronized void evaluate(MetricsSnapshot snapshot, AlertEngine engine) {
        for (AlertRule rule : rules) {
            List<Condition> firing;
            try {
                firing = rule.evaluate(snapshot);
            } catch (RuntimeException | LinkageError e) {
                failures.record("rule:" + rule.name(), e);
                continue;
            }
            Set<String> now = new HashSet<>();
            for (Condition c : firing == null ? List.<Condition>of() : firing) {
                now.add(c.subject());
                engine.fire(rule.name(), c, snapshot.timestampMillis());
            }
            Set<String> before = activeSubjects.put(rule.name(), now);
            if (before != null) {
                for (String subject : before) {
                    if (!now.contains(subject)) {
                        engine.resolve(rule.name(), subject);
                    }
                }
            }
        }
    }
}
