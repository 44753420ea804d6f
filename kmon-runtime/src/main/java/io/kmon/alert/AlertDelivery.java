package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.SafeValues;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How a raised alert leaves the engine: one log line through {@link System.Logger}, then each
 * listener in turn. A throwing logger or listener is contained and counted; the others still run.
 */
final class AlertDelivery {
    private final System.Logger logger;
    private final InternalFailures failures;
    private final CopyOnWriteArrayList<AlertListener> listeners = new CopyOnWriteArrayList<>();

    AlertDelivery(System.Logger logger, InternalFailures failures) {
        this.logger = logger;
        this.failures = failures;
    }

    void add(AlertListener listener) {
        listeners.add(listener);
    }

    boolean remove(AlertListener listener) {
        return listeners.remove(listener);
    }

    void deliver(Alert alert) {
        log(alert);
        for (AlertListener listener : listeners) {
            try {
                listener.onAlert(alert);
            } catch (RuntimeException | LinkageError e) {
                failures.record("listener", e);
            }
        }
    }

    private void log(Alert alert) {
        System.Logger.Level level = switch (alert.level()) {
            case INFO -> System.Logger.Level.INFO;
            case WARNING -> System.Logger.Level.WARNING;
            case ERROR, CRITICAL -> System.Logger.Level.ERROR;
        };
        try {
            if (logger.isLoggable(level)) {
                logger.log(level, logLine(alert));
            }
        } catch (RuntimeException | LinkageError e) {
            failures.record(InternalFailures.LOGGER, e);
        }
    }

    /** The one-line log text of {@code alert}. */
    static String logLine(Alert alert) {
        StringBuilder line = new StringBuilder();
        if (alert.level() == AlertLevel.CRITICAL) {
            line.append(AlertEngine.CRITICAL_MARKER).append(' ');
        }
        line.append('[').append(alert.component()).append("] ").append(alert.message());
        if (!alert.details().isEmpty()) {
            line.append(' ').append(alert.details());
        }
        return SafeValues.oneLine(line.toString());
    }
}
