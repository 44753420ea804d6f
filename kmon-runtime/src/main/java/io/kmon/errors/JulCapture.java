package io.kmon.errors;

import io.kmon.metrics.Counter;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A {@code java.util.logging} handler that counts log records as {@code log.events{level}} and
 * feeds {@code SEVERE} records that carry a throwable into the {@link ErrorAggregator}
 * (component = the logger's name, method = the record's source method, if known).
 *
 * <p>Installed on the root logger by {@code Kmon.captureJulLogs()}; it only sees what the
 * loggers' levels let through. It never throws into the code that logs.
 */
public final class JulCapture extends Handler {
    /** Counter of log records per {@code level} tag (JUL level name, lower case). */
    public static final String LOG_EVENTS = "log.events";

    private final MeterRegistry registry;
    private final ErrorAggregator errors;
    private final InternalFailures failures;
    private final ConcurrentHashMap<Level, Counter> byLevel = new ConcurrentHashMap<>();

    /**
     * A handler; {@link #install()} attaches it.
     *
     * @param registry where {@code log.events} is counted
     * @param errors where severe records with a throwable go
     * @param failures where a failure of this handler is counted
     */
    public JulCapture(MeterRegistry registry, ErrorAggregator errors, InternalFailures failures) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.failures = Objects.requireNonNull(failures, "failures");
        setLevel(Level.ALL);
    }

    /** Attaches this handler to the root logger. */
    public void install() {
        Logger.getLogger("").addHandler(this);
    }

    /** Detaches this handler from the root logger. */
    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        try {
            Level level = record.getLevel() == null ? Level.INFO : record.getLevel();
            byLevel.computeIfAbsent(level, this::counter).increment();
            Throwable thrown = record.getThrown();
            if (thrown != null && level.intValue() >= Level.SEVERE.intValue()) {
                String logger = record.getLoggerName() == null ? "jul" : record.getLoggerName();
                errors.record(logger, record.getSourceMethodName(), thrown);
            }
        } catch (RuntimeException e) {
            failures.record("jul_capture", e);
        }
    }

    private Counter counter(Level level) {
        return registry.counter(MeterId.of(LOG_EVENTS, "level", level.getName().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        uninstall();
    }
}
