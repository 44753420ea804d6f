package io.kmon.annotations;

/**
 * Defaults of the runtime's built-in failure rule, which the processor's generated Prometheus
 * rules repeat: a component raises a WARNING when more than
 * {@value #COMPONENT_FAILURES_THRESHOLD} of its calls failed in the last
 * {@value #COMPONENT_FAILURES_WINDOW_SECONDS} seconds.
 */
public final class BuiltInAlerts {
    /** Failed calls of one component in the window that are still fine. */
    public static final long COMPONENT_FAILURES_THRESHOLD = 5;
    /** The window of the component failure rule, in seconds (one hour). */
    public static final long COMPONENT_FAILURES_WINDOW_SECONDS = 3600;
    /** The level of the component failure alert. */
    public static final AlertLevel COMPONENT_FAILURES_LEVEL = AlertLevel.WARNING;

    private BuiltInAlerts() {}
}
