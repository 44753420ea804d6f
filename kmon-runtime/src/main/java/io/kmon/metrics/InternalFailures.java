package io.kmon.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Failures inside kmon itself (a throwing listener, rule, sampler, health check or logging
 * backend) that were contained so that they never reach the monitored service. Each failure
 * is counted under its source, and the first failure of each source is logged once: a sampler
 * failing every ten seconds must not flood the log.
 *
 * <p>Sources are a small, code-defined set ({@code listener}, {@code rule:<name>},
 * {@code sampler:<name>}, {@code read:<name>}, {@code logger}, ...). The source
 * {@value #LOGGER} is the logging backend itself: its failures are never logged through it
 * again, only reported once on {@code System.err}.
 */
public final class InternalFailures {
    /** The source for failures of the {@link System.Logger} backend. */
    public static final String LOGGER = "logger";

    private final System.Logger logger;
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final BiConsumer<String, LongAdder> onNewSource;

    /**
     * Failures logged to {@code logger}.
     *
     * @param logger where the first failure of each source is logged
     * @param onNewSource told once per source, when it first fails (kmon registers a metric)
     */
    public InternalFailures(System.Logger logger, BiConsumer<String, LongAdder> onNewSource) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.onNewSource = Objects.requireNonNull(onNewSource, "onNewSource");
    }

    /**
     * Failures logged to {@code logger}, with no metric.
     *
     * @param logger where each source's first failure is logged
     */
    public InternalFailures(System.Logger logger) {
        this(logger, (source, count) -> {});
    }

    /**
     * Counts {@code error} under {@code source}; logs it when it is that source's first.
     *
     * @param source the part of kmon that failed
     * @param error what it threw
     */
    public void record(String source, Throwable error) {
        LongAdder count = counts.get(source);
        boolean first = false;
        if (count == null) {
            LongAdder created = new LongAdder();
            count = counts.putIfAbsent(source, created);
            if (count == null) {
                count = created;
                first = true;
            }
        }
        count.increment();
        if (first) {
            announce(source, count, error);
        }
    }

    private void announce(String source, LongAdder count, Throwable error) {
        try {
            onNewSource.accept(source, count);
        } catch (RuntimeException e) {
            // a metric that cannot be registered must not stop the count
        }
        String text = SafeValues.oneLine(
                "kmon contained a failure in " + source + " (logged once, counted after): " + describe(error));
        if (LOGGER.equals(source)) {
            System.err.println(text);
            return;
        }
        try {
            logger.log(System.Logger.Level.WARNING, text + "\n" + SafeValues.stackTrace(error));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // a log backend that renders the throwable can fail on it (a getMessage that recurses)
            record(LOGGER, e);
        }
    }

    /**
     * {@return {@code ClassName: message}, bounded and never throwing} For a log line or a detail
     * ({@link SafeValues#describe}).
     *
     * @param error the failure to describe
     */
    public static String describe(Throwable error) {
        return SafeValues.describe(error);
    }

    /** {@return the failures per source so far, sorted by source} */
    public Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((source, count) -> copy.put(source, count.sum()));
        return copy;
    }

    /**
     * {@return the failures of {@code source} so far}
     *
     * @param source the part of kmon
     */
    public long count(String source) {
        LongAdder count = counts.get(source);
        return count == null ? 0 : count.sum();
    }

    /** {@return all failures so far} */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
