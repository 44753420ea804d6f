package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.MetricsSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WARNING per metric name whose cardinality cap is folding new tag sets into its overflow
 * series (read from {@link MetricsSnapshot#folded()}). The condition holds while the folded
 * count grows, so a flood raises one alert per cooldown, and a flood that stopped and starts
 * again raises at once.
 */
public final class CardinalityRule implements AlertRule {
    /** This rule's name. */
    public static final String NAME = "cardinality";

    private final int cap;
    private final Map<String, Long> seen = new HashMap<>();

    /** A rule for a registry capped at {@code cap} series per name. */
    public CardinalityRule(int cap) {
        this.cap = cap;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Condition> evaluate(MetricsSnapshot snapshot) {
        List<Condition> firing = new ArrayList<>();
        snapshot.folded().forEach((metric, folded) -> {
            Long before = seen.put(metric, folded);
            if (before == null || folded > before) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("metric", metric);
                details.put("folded", folded);
                details.put("max_series", cap);
                firing.add(new Condition("metrics", metric, AlertLevel.WARNING, "Metric '" + metric
                        + "' reached its cap of " + cap + " series; " + folded
                        + " registrations of new tag values were folded into its overflow series", details));
            }
        });
        return firing;
    }
}
