package io.kmon.alert;

import io.kmon.metrics.MethodSnapshot;
import io.kmon.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * WARNING per component when more than {@code threshold} of its calls failed in the last
 * window (default more than 5 in an hour). A component's failures are the sum of its
 * methods' errors, read from the snapshot's typed methods, so they stay exact past the
 * cardinality cap.
 */
public final class ComponentFailuresRule implements AlertRule {
    /** This rule's name. */
    public static final String NAME = "component_failures";

    private final long threshold;
    private final Duration window;
    private final CountWindow counts;

    /**
     * A rule.
     *
     * @param threshold failures per component in the window that are still fine
     * @param window how far back to count
     * @param originMillis when counting started (kmon's start)
     */
    public ComponentFailuresRule(long threshold, Duration window, long originMillis) {
        this.threshold = threshold;
        this.window = window;
        this.counts = new CountWindow(window.toMillis(), originMillis);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Condition> evaluate(MetricsSnapshot snapshot) {
        Map<String, Long> byComponent = new TreeMap<>();
        for (MethodSnapshot m : snapshot.methods()) {
            byComponent.merge(m.component(), m.errors(), Long::sum);
        }
        List<Condition> firing = new ArrayList<>();
        byComponent.forEach((component, total) -> {
            long failed = counts.growth(component, snapshot.timestampMillis(), total);
            if (failed > threshold) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("component", component);
                firing.add(Rules.tooManyFailures(
                        component, "Repeated failures in " + component, failed, threshold, window, details));
            }
        });
        return firing;
    }
}
