package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WARNING when system memory usage is above 80%, CRITICAL above 90%, read from the
 * {@code system.memory.usage_percent} gauge. Going from WARNING to CRITICAL raises at once;
 * staying high raises once per cooldown, not every evaluation.
 */
public final class MemoryRule implements AlertRule {
    /** This rule's name. */
    public static final String NAME = "memory";
    /** The gauge read. */
    public static final String GAUGE = "system.memory.usage_percent";

    private static final MeterId ID = MeterId.of(GAUGE);
    private final double warningPercent;
    private final double criticalPercent;

    /** A rule at 80% and 90%. */
    public MemoryRule() {
        this(80, 90);
    }

    /**
     * A rule with other thresholds.
     *
     * @param warningPercent the used-memory share, in percent, that raises a warning
     * @param criticalPercent the used-memory share, in percent, that raises a critical alert
     */
    public MemoryRule(double warningPercent, double criticalPercent) {
        if (!(warningPercent <= criticalPercent)) {
            throw new IllegalArgumentException(
                    "warning threshold " + warningPercent + " must not exceed critical threshold " + criticalPercent);
        }
        this.warningPercent = warningPercent;
        this.criticalPercent = criticalPercent;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Condition> evaluate(MetricsSnapshot snapshot) {
        double percent = snapshot.find(ID)
                .filter(MeterSnapshot.GaugeSnapshot.class::isInstance)
                .map(m -> ((MeterSnapshot.GaugeSnapshot) m).value())
                .orElse(Double.NaN);
        if (Double.isNaN(percent) || percent <= warningPercent) {
            return List.of();
        }
        String figure = String.format(Locale.ROOT, "%.1f%%", percent);
        boolean critical = percent > criticalPercent;
        return List.of(Condition.of(
                critical ? AlertLevel.CRITICAL : AlertLevel.WARNING,
                (critical ? "High memory usage: " : "Elevated memory usage: ") + figure,
                "system",
                Map.of("memory_percent", percent)));
    }
}
