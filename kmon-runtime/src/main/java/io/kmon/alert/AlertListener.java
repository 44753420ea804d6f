package io.kmon.alert;

/**
 * Told about every raised alert, for users who page or post somewhere.
 *
 * <pre>{@code
 * kmon.alerts().addListener(alert -> {
 *     if (alert.level() == AlertLevel.CRITICAL) pager.page(alert.message());
 * });
 * }</pre>
 *
 * <p>Listeners run on the thread that raised the alert: kmon's background thread for rules
 * and call-path alerts, the caller's thread for {@code Kmon.alert}. Keep them quick, or hand
 * off. A listener that throws is counted and logged once; the other listeners still run.
 */
@FunctionalInterface
public interface AlertListener {
    /**
     * Called once per raised (not suppressed) alert.
     *
     * @param alert the alert raised
     */
    void onAlert(Alert alert);
}
