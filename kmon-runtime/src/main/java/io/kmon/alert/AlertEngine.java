package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.Clock;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.SafeValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Raises, logs, keeps and hands out alerts.
 *
 * <pre>{@code
 * kmon.alerts().addListener(alert -> slack.post(alert.message()));
 * kmon.alert(AlertLevel.WARNING, "High memory usage", "system", Map.of("percent", 91));
 * List<Alert> recent = kmon.alerts().recent();   // newest first
 * }</pre>
 *
 * <p>Every raised alert is logged through {@link System.Logger} (INFO, WARNING and ERROR map
 * to the same levels; CRITICAL logs as ERROR with a {@value #CRITICAL_MARKER} marker), so it
 * reaches SLF4J, Log4j or JUL through the usual bridges; then it goes into the bounded history
 * (newest first) and to each listener. A throwing listener or logging backend is contained
 * and counted.
 *
 * <p>Cooldown: alerts raised through {@link #fire} belong to a condition (rule + subject); a
 * condition raises at most one alert per cooldown, unless the level goes up, and the next
 * alert after a cooldown says how many were suppressed. A resolved condition
 * ({@link #resolve}, or a rule that stops finding it) may raise again at once.
 * {@link #raise} is for alerts that belong to no condition and is never suppressed.
 */
public final class AlertEngine {
    /** The rule name of alerts raised by hand ({@code Kmon.alert}). */
    public static final String MANUAL = "manual";
    /** Prefix of CRITICAL alerts in the log, which has no level above ERROR. */
    public static final String CRITICAL_MARKER = "[CRITICAL]";

    private final Clock clock;
    private final long cooldownMillis;

    private final AlertHistory history;
    private final Cooldowns cooldowns; // guarded by itself
    private final AlertDelivery delivery;
    private final RuleRunner rules;
    private final LongAdder suppressed = new LongAdder();

    /**
     * An engine.
     *
     * @param clock stamps alerts and times cooldowns
     * @param cooldown the least time between two alerts of one condition
     * @param historySize alerts kept, newest first
     * @param logger where every alert is logged
     * @param failures where contained failures (listeners, rules, the logger) are counted
     */
    public AlertEngine(
            Clock clock, Duration cooldown, int historySize, System.Logger logger, InternalFailures failures) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
        }
        this.history = new AlertHistory(historySize);
        this.cooldownMillis = cooldown.toMillis();
        this.cooldowns = new Cooldowns(cooldownMillis);
        Objects.requireNonNull(failures, "failures");
        this.delivery = new AlertDelivery(Objects.requireNonNull(logger, "logger"), failures);
        this.rules = new RuleRunner(failures);
    }

    /**
     * Adds a listener, told about every alert raised from now on.
     *
     * @param listener called with each alert, on the thread that raised it
     */
    public void addListener(AlertListener listener) {
        delivery.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     * @return false when it was not registered
     */
    public boolean removeListener(AlertListener listener) {
        return delivery.remove(listener);
    }

    /**
     * Raises an alert that belongs to no condition: always raised, never suppressed.
     *
     * @param level the alert's level
     * @param message what happened
     * @param component what it is about
     * @param details facts to attach
     * @return the alert raised
     */
    public Alert raise(AlertLevel level, String message, String component, Map<String, ?> details) {
        Alert alert = new Alert(level, message, clock.millis(), component, MANUAL, SafeValues.details(details), 0);
        history.add(alert);
        delivery.deliver(alert);
        return alert;
    }

    /**
     * Raises an alert for {@code condition} of {@code rule} (the rule plus the condition's
     * subject identify it), unless one was raised for it within the cooldown at the same or a
     * higher level; a suppressed alert is counted and reported by the next one raised.
     *
     * @param rule the rule's name
     * @param condition what holds
     * @param timestamp when it happened, epoch milliseconds
     * @return the alert, or null when it was suppressed
     */
    public Alert fire(String rule, Condition condition, long timestamp) {
        String name = AlertRule.checkName(rule);
        Alert alert;
        synchronized (cooldowns) {
            long before = cooldowns.admit(name, condition.subject(), condition.level(), timestamp);
            if (before == Cooldowns.SUPPRESSED) {
                suppressed.increment();
                return null;
            }
            String text = before == 0
                    ? condition.message()
                    : condition.message() + " (" + before + " similar suppressed since the last alert)";
            alert = new Alert(
                    condition.level(), text, timestamp, condition.component(), name, condition.details(), before);
            history.add(alert); // under the cooldowns' lock: the history's order is the cooldowns' order
        }
        delivery.deliver(alert);
        return alert;
    }

    /**
     * Marks the condition {@code rule} + {@code subject} resolved: its next alert is raised at
     * once. Suppressed counts carry over to that alert.
     *
     * @param rule the rule that found the condition
     * @param subject what the condition is about within the rule
     */
    public void resolve(String rule, String subject) {
        synchronized (cooldowns) {
            cooldowns.resolve(rule, subject);
        }
    }

    /**
     * Adds a rule, evaluated by every {@link #evaluate} from now on.
     *
     * @param rule the rule
     */
    public void addRule(AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        rules.add(rule, AlertRule.checkName(rule.name()));
    }

    /**
     * Removes the rule {@code name}.
     *
     * @param name the rule's name
     * @return false when there was none
     */
    public boolean removeRule(String name) {
        return rules.remove(name);
    }

    /** {@return the rules' names, in the order they run} */
    public List<String> rules() {
        return rules.names();
    }

    /**
     * Evaluates every rule over {@code snapshot}: raises the conditions that hold (subject to
     * the cooldown) and resolves those that held last time and no longer do. A rule that throws
     * is counted and skipped; its conditions stay as they were.
     *
     * @param snapshot the metrics to evaluate
     */
    public void evaluate(MetricsSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        rules.evaluate(snapshot, this);
    }

    /**
     * {@return {@code [CRITICAL] [component] message {details}} on one line: the log's text}
     * @param alert the alert
     */
    public static String logLine(Alert alert) {
        return AlertDelivery.logLine(alert);
    }

    /** {@return the alerts kept, newest first} */
    public List<Alert> recent() {
        return history.all();
    }

    /**
     * {@return at most {@code limit} of the newest alerts, newest first}
     *
     * @param limit the most alerts wanted; zero or more
     */
    public List<Alert> recent(int limit) {
        return history.newest(limit);
    }

    /**
     * {@return the alerts kept that were raised at or after {@code sinceMillis}, newest first}
     *
     * @param sinceMillis the earliest time wanted, epoch milliseconds of kmon's clock
     */
    public List<Alert> since(long sinceMillis) {
        return history.since(sinceMillis);
    }

    /**
     * {@return per level, the alerts kept that were raised at or after {@code sinceMillis}} Every
     * level is present.
     *
     * @param sinceMillis the earliest time wanted, epoch milliseconds of kmon's clock
     */
    public Map<AlertLevel, Long> countsSince(long sinceMillis) {
        return history.countsSince(sinceMillis);
    }

    /** {@return the alerts in the history now (at most the history size)} */
    public int size() {
        return history.kept();
    }

    /** {@return the most alerts the history keeps} */
    public int historySize() {
        return history.size();
    }

    /** {@return the cooldown per condition} */
    public Duration cooldown() {
        return Duration.ofMillis(cooldownMillis);
    }

    /** {@return the alerts raised since start, including those no longer in the history} */
    public long total() {
        return history.total();
    }

    /**
     * {@return the alerts of {@code level} raised since start}
     *
     * @param level the severity
     */
    public long total(AlertLevel level) {
        return history.total(Objects.requireNonNull(level, "level"));
    }

    /** {@return the alerts suppressed by cooldowns since start} */
    public long suppressed() {
        return suppressed.sum();
    }
}
