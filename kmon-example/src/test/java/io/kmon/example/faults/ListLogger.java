package io.kmon.example.faults;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} backend that keeps its messages, or one that throws from every call. */
final class ListLogger implements System.Logger {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final boolean broken;

    private ListLogger(boolean broken) {
        this.broken = broken;
    }

    /** A working backend. */
    static ListLogger working() {
        return new ListLogger(false);
    }

    /** A backend that throws {@link IllegalStateException} from every method, like a full disk. */
    static ListLogger broken() {
        return new ListLogger(true);
    }

    /** Messages logged that contain {@code text}. */
    List<String> containing(String text) {
        return messages.stream().filter(m -> m.contains(text)).toList();
    }

    @Override
    public String getName() {
        return "list";
    }

    @Override
    public boolean isLoggable(Level level) {
        if (broken) {
            throw new IllegalStateException("logging backend down");
        }
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (broken) {
            throw new IllegalStateException("logging backend down");
        }
        messages.add(msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        log(level, bundle, format, (Throwable) null);
    }
}
