package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import java.time.Duration;
import java.util.Map;

/** Wording shared by the built-in rules. */
final class Rules {
    private Rules() {}

    /** {@code 1h}, {@code 30m}, {@code 45s}: a window as people write it. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /**
     * The WARNING of the failure-count rules: {@code "<headline>: N failed calls in the last 1h"},
     * with the count, threshold and timeframe appended to {@code details}.
     */
    static Condition tooManyFailures(
            String component,
            String headline,
            long failed,
            long threshold,
            Duration window,
            Map<String, Object> details) {
        details.put("error_count", failed);
        details.put("threshold", threshold);
        details.put("timeframe", human(window));
        return Condition.of(
                AlertLevel.WARNING,
                headline + ": " + failed + " failed calls in the last " + human(window),
                component,
                details);
    }
}
