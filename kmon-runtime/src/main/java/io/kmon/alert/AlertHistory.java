package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The alerts kept, newest first, at most {@code size} of them, and the count of every alert raised per level. */
final class AlertHistory {
    private final int size;
    private final ArrayDeque<Alert> alerts = new ArrayDeque<>(); // newest first; guarded by this
    private final EnumMap<AlertLevel, LongAdder> raised = new EnumMap<>(AlertLevel.class);

    AlertHistory(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("historySize must be positive: " + size);
        }
        this.size = size;
        for (AlertLevel level : AlertLevel.values()) {
            raised.put(level, new LongAdder());
        }
    }

    void add(Alert alert) {
        synchronized (this) {
            alerts.addFirst(alert);
            while (alerts.size() > size) {
                alerts.removeLast();
            }
        }
        raised.get(alert.level()).increment();
    }

    synchronized List<Alert> all() {
        return List.copyOf(alerts);
    }

    synchronized List<Alert> newest(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<Alert> out = new ArrayList<>(Math.min(limit, alerts.size()));
        for (Alert a : alerts) {
            if (out.size() == limit) {
                break;
            }
            out.add(a);
        }
        return List.copyOf(out);
    }

    synchronized List<Alert> since(long sinceMillis) {
        List<Alert> out = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.timestamp() >= sinceMillis) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    Map<AlertLevel, Long> countsSince(long sinceMillis) {
        Map<AlertLevel, Long> counts = new LinkedHashMap<>();
        for (AlertLevel level : AlertLevel.values()) {
            counts.put(level, 0L);
        }
        for (Alert a : since(sinceMillis)) {
            counts.merge(a.level(), 1L, Long::sum);
        }
        return counts;
    }

    synchronized int kept() {
        return alerts.size();
    }

    int size() {
        return size;
    }

    long total() {
        return raised.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long total(AlertLevel level) {
        return raised.get(level).sum();
    }
}
