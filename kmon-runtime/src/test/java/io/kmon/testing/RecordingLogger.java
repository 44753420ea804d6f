package io.kmon.testing;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps what it is given, or throws when told to, for tests. */
public final class RecordingLogger implements System.Logger {
    /** One logged line. */
    public record Line(Level level, String message, Throwable thrown, String thread) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private volatile boolean throwing;

    /** A logger that throws {@link IllegalStateException} from every method, like a broken backend. */
    public static RecordingLogger throwing() {
        RecordingLogger logger = new RecordingLogger();
        logger.throwing = true;
        return logger;
    }

    /** What was logged, oldest first. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Lines containing {@code text}. */
    public List<Line> containing(String text) {
        return lines.stream().filter(l -> l.message().contains(text)).toList();
    }

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        if (throwing) {
            throw new IllegalStateException("logging backend down");
        }
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (throwing) {
            throw new IllegalStateException("logging backend down");
        }
        lines.add(new Line(level, msg, thrown, Thread.currentThread().getName()));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        log(
                level,
                bundle,
                params == null || params.length == 0 ? format : java.text.MessageFormat.format(format, params),
                (Throwable) null);
    }
}
