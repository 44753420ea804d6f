package io.kmon.alert;

import io.kmon.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * WARNING when more than {@code threshold} monitored calls failed in the last window (default
 * more than 10 in an hour), read from the {@code errors.count} counter.
 */
public final class FailedCallsRule implements AlertRule {
    /** This rule's name. */
    public static final String NAME = "failed_calls";

    private final String counter;
    private final long threshold;
    private final Duration window;
    private final CountWindow counts;

    /**
     * A rule.
     *
     * @param counter the untagged counter of failed calls ({@code errors.count})
     * @param threshold failures in the window that are still fine
     * @param window how far back to count
     * @param originMillis when counting started (kmon's start)
     */
    public FailedCallsRule(String counter, long threshold, Duration window, long originMillis) {
        this.counter = counter;
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
        long failed = counts.growth(counter, snapshot.timestampMillis(), snapshot.count(counter));
        if (failed <= threshold) {
            return List.of();
        }
        return List.of(Rules.tooManyFailures(
                "monitoring", "High error rate detected", failed, threshold, window, new LinkedHashMap<>()));
    }
}
