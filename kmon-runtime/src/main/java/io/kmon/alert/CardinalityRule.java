package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * WARNING per metric name whose cardinality cap is folding new tag sets into its overflow
 * series (read from {@link MetricsSnapshot#folded()}), and one WARNING while the cap on metric
 * names is refusing new names (read from the counter that counts them).
 *
 * <p>The condition holds while the name's folded count has grown within the last
 * {@code hold} (kmon passes its alert cooldown). So a flood, steady or sporadic, raises one
 * alert per cooldown and no more; once nothing has been folded for a whole cooldown the
 * condition resolves, and the next folding raises again at once.
 */
public final class CardinalityRule implements AlertRule {
    /** This rule's name. */
    public static final String NAME = "cardinality";

    private final int cap;
    private final String refusedNamesCounter;
    private final int maxNames;
    private final long holdMillis;
    private final Map<String, long[]> seen = new HashMap<>(); // name -> {folded, millis it last grew}

    /**
     * A rule.
     *
     * @param cap the registry's series per name, for the message
     * @param hold how long a condition holds after the folded count last grew
     */
    public CardinalityRule(int cap, Duration hold) {
        this(cap, hold, null, 0);
    }

    /**
     * A rule that also watches the cap on metric names.
     *
     * @param cap the registry's series per name, for the message
     * @param hold how long a condition holds after the count last grew
     * @param refusedNamesCounter the counter of refused metric names, or null
     * @param maxNames the registry's cap on names, for the message
     */
    public CardinalityRule(int cap, Duration hold, String refusedNamesCounter, int maxNames) {
        this.refusedNamesCounter = refusedNamesCounter;
        this.maxNames = maxNames;
        this.cap = cap;
        this.holdMillis = Objects.requireNonNull(hold, "hold").toMillis();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Condition> evaluate(MetricsSnapshot snapshot) {
        long now = snapshot.timestampMillis();
        List<Condition> firing = new ArrayList<>();
        if (refusedNamesCounter != null) {
            long refused = snapshot.count(refusedNamesCounter);
            if (refused > 0 && holds("", refused, now)) { // "" is no metric name: its own state
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("refused", refused);
                details.put("max_names", maxNames);
                firing.add(new Condition(
                        AlertLevel.WARNING,
                        "The cap of " + maxNames
                                + " metric names is reached; " + refused
                                + " registrations of new names were refused (their handles work but are not exported)",
                        "metrics",
                        "(names)",
                        details));
            }
        }
        snapshot.folded().forEach((metric, folded) -> {
            if (holds(metric, folded, now)) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("metric", metric);
                details.put("folded", folded);
                details.put("max_series", cap);
                firing.add(new Condition(
                        AlertLevel.WARNING,
                        "Metric '" + metric
                                + "' reached its cap of " + cap + " series; " + folded
                                + " registrations of new tag values were folded into its overflow series",
                        "metrics",
                        metric,
                        details));
            }
        });
        return firing;
    }

    /** Whether the count under {@code key} grew within the hold. */
    private boolean holds(String key, long count, long now) {
        long[] state = seen.computeIfAbsent(key, m -> new long[] {0, Long.MIN_VALUE / 4});
        if (count > state[0]) {
            state[0] = count;
            state[1] = now;
        }
        return now - state[1] <= holdMillis;
    }
}
