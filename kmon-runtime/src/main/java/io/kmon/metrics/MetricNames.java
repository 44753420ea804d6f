package io.kmon.metrics;

/**
 * Every metric name, suffix and tag key kmon itself writes, in one place: a monitored method's
 * series are {@code <prefix>} plus a suffix here, tagged {@link #COMPONENT} and {@link #METHOD};
 * kmon's own figures have fixed names under {@code monitoring.}. Readers take these from the
 * typed model ({@link MethodSnapshot}), never by parsing names.
 */
public final class MetricNames {
    /** Suffix of a method's call counter: successes plus errors. */
    public static final String CALLS = ".calls";
    /** Suffix of a method's counter of calls that returned normally. */
    public static final String SUCCESSES = ".successes";
    /** Suffix of a method's counter of calls that threw, tagged {@link #ERROR_TYPE}. */
    public static final String ERRORS = ".errors";
    /** Suffix of a method's duration timer. */
    public static final String DURATION = ".duration";

    /** Tag of a monitored component's name. */
    public static final String COMPONENT = "component";
    /** Tag of a monitored method: its name, with parameter types when overloaded. */
    public static final String METHOD = "method";
    /**
     * Tag of a failure's type: the exception class's simple name (its binary name when it has
     * none), the same text as an alert's {@code error_type} detail.
     */
    public static final String ERROR_TYPE = "error_type";
    /** Tag of an alert level, lower case. */
    public static final String LEVEL = "level";
    /** Tag of where a contained failure inside kmon happened. */
    public static final String SOURCE = "source";

    /** Counter of every failed monitored call, untagged. */
    public static final String ERRORS_COUNT = "errors.count";
    /** Counter of {@code java.util.logging} records, tagged {@link #LEVEL}. */
    public static final String LOG_EVENTS = "log.events";
    /** Counter of failures inside kmon that were contained, tagged {@link #SOURCE}. */
    public static final String INTERNAL_FAILURES = "monitoring.internal_failures";
    /** Counter of registrations folded into overflow series by the cardinality cap, over all names. */
    public static final String SERIES_FOLDED = "monitoring.series.folded";
    /** Counter of registrations of new metric names refused by {@code maxMetricNames}. */
    public static final String METRIC_NAMES_REFUSED = "monitoring.metric_names.refused";
    /** Counter of components left unlisted and unchecked by {@code maxComponents}. */
    public static final String COMPONENTS_REFUSED = "monitoring.components.refused";
    /** Counter of alerts raised, tagged {@link #LEVEL}. */
    public static final String ALERTS = "monitoring.alerts";
    /** Counter of alerts held back by a cooldown. */
    public static final String ALERTS_SUPPRESSED = "monitoring.alerts.suppressed";
    /** Counter of call-path alerts dropped because the hand-off queue was full. */
    public static final String ALERTS_DROPPED = "monitoring.alerts.dropped";
    /** Gauge of error groups kept. */
    public static final String ERROR_GROUPS = "monitoring.errors.groups";
    /** Counter of error groups evicted to keep the cap. */
    public static final String ERROR_GROUPS_EVICTED = "monitoring.errors.evicted";

    private MetricNames() {}

    /**
     * {@return whether {@code name} is one of the series generated code records under {@code prefix}}
     *
     * @param name a metric name
     * @param prefix a component's prefix
     */
    public static boolean isMethodMetric(String name, String prefix) {
        if (!name.startsWith(prefix) || name.length() <= prefix.length()) {
            return false;
        }
        String suffix = name.substring(prefix.length());
        return suffix.equals(CALLS) || suffix.equals(SUCCESSES) || suffix.equals(ERRORS) || suffix.equals(DURATION);
    }
}
