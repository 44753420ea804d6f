package io.kmon.annotations;

/**
 * The names kmon's Prometheus export produces for a monitored method, in one place: the runtime's
 * exporter writes them and the annotation processor's alert rules, dashboards and metric catalogues
 * query them, so both always agree.
 *
 * <p>A method of a {@code @Monitored(prefix = "api")} interface records {@code api.calls},
 * {@code api.successes}, {@code api.errors} (tagged {@link #ERROR_TYPE}) and the timer
 * {@code api.duration}, all tagged {@link #COMPONENT} and {@link #METHOD}. In Prometheus dots become
 * underscores, counters end in {@code _total} and timers in {@code _seconds}: {@code api_calls_total},
 * {@code api_errors_total}, and the histogram {@code api_duration_seconds} with {@code _bucket},
 * {@code _count} and {@code _sum}.
 */
public final class MetricNaming {
    /** Suffix of a method's call counter: successes plus errors. */
    public static final String CALLS = ".calls";
    /** Suffix of a method's counter of calls that returned normally. */
    public static final String SUCCESSES = ".successes";
    /** Suffix of a method's counter of calls that threw, tagged {@link #ERROR_TYPE}. */
    public static final String ERRORS = ".errors";
    /** Suffix of a method's duration timer. */
    public static final String DURATION = ".duration";
    /** Counter of every failed monitored call, untagged, shared by all components. */
    public static final String ERRORS_COUNT = "errors.count";

    /** Tag of a monitored component's name. */
    public static final String COMPONENT = "component";
    /** Tag of a monitored method: its name, with parameter types when overloaded. */
    public static final String METHOD = "method";
    /**
     * Tag of a failure's type: the exception class's simple name (its binary name when it has
     * none), the same text as an alert's {@code error_type} detail.
     */
    public static final String ERROR_TYPE = "error_type";
    /** Label of a classic histogram bucket's upper bound, in seconds. */
    public static final String LE = "le";

    /** HELP text of {@link #CALLS}. */
    public static final String CALLS_HELP = "Monitored calls";
    /** HELP text of {@link #SUCCESSES}. */
    public static final String SUCCESSES_HELP = "Monitored calls that returned normally";
    /** HELP text of {@link #ERRORS}. */
    public static final String ERRORS_HELP = "Monitored calls that threw, by error_type";
    /** HELP text of {@link #DURATION}. */
    public static final String DURATION_HELP = "Duration of monitored calls in seconds";
    /** HELP text of {@link #ERRORS_COUNT}. */
    public static final String ERRORS_COUNT_HELP = "Failed monitored calls, over all components and methods";

    /** Smallest default classic bucket boundary: 2^-14 s (61 µs). */
    public static final int MIN_BOUNDARY_EXPONENT = -14;
    /** Largest default classic bucket boundary: 2^4 s (16 s). */
    public static final int MAX_BOUNDARY_EXPONENT = 4;

    private MetricNaming() {}

    /**
     * {@return the Prometheus family of counter {@code name}: dots as underscores, without the
     * {@code _total} the samples end in}
     *
     * @param name a kmon metric name
     */
    public static String counterFamily(String name) {
        String base = underscored(name);
        return base.endsWith("_total") && base.length() > "_total".length()
                ? base.substring(0, base.length() - "_total".length())
                : base;
    }

    /**
     * {@return the Prometheus sample name of counter {@code name}, ending in {@code _total}}
     *
     * @param name a kmon metric name
     */
    public static String counterSample(String name) {
        return counterFamily(name) + "_total";
    }

    /**
     * {@return the Prometheus family of gauge {@code name}: dots as underscores}
     *
     * @param name a kmon metric name
     */
    public static String gaugeFamily(String name) {
        return underscored(name);
    }

    /**
     * {@return the Prometheus family of timer {@code name}, ending in {@code _seconds}; its samples
     * add {@code _bucket}, {@code _count} and {@code _sum}}
     *
     * @param name a kmon metric name
     */
    public static String timerFamily(String name) {
        String base = underscored(name);
        return base.endsWith("_seconds") ? base : base + "_seconds";
    }

    /**
     * {@return the Prometheus label name of tag key {@code key}: dots as underscores, as
     * OpenTelemetry's Prometheus exporter writes them ({@code error.type} is {@code error_type})}
     *
     * @param key a kmon tag key
     */
    public static String labelName(String key) {
        return underscored(key);
    }

    /**
     * {@return the default classic bucket boundaries in seconds: the powers of two from
     * 2^{@value #MIN_BOUNDARY_EXPONENT} to 2^{@value #MAX_BOUNDARY_EXPONENT}, ascending}
     */
    public static double[] defaultBoundariesSeconds() {
        double[] d = new double[MAX_BOUNDARY_EXPONENT - MIN_BOUNDARY_EXPONENT + 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.scalb(1.0, MIN_BOUNDARY_EXPONENT + i);
        }
        return d;
    }

    /**
     * {@return the text of the {@code le} label of a bucket bounded by {@code seconds}, as the
     * exposition writes it ({@code 0.5}, {@code 6.103515625E-5})}
     *
     * @param seconds a finite boundary
     */
    public static String leLabel(double seconds) {
        return Double.toString(seconds);
    }

    /**
     * {@return the HELP text the exporter writes for a monitored method's series: {@code help}
     * followed by the kmon name in parentheses}
     *
     * @param help one of the {@code *_HELP} texts
     * @param name the series' kmon name, {@code api.calls}
     */
    public static String methodHelp(String help, String name) {
        return help + " (" + name + ")";
    }

    private static String underscored(String name) {
        return name.replace('.', '_');
    }
}
