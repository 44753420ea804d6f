package io.kmon.alert;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * How much a cumulative count grew over the last window, per key, from readings the rule
 * loop takes each time it runs. Counters only ever grow, so the growth over a window is the
 * current count minus a reading from the window's start; this keeps the hot path free of any
 * time bucketing.
 *
 * <p>The baseline is the latest reading at or before the window's start (or the count of zero
 * at {@code originMillis}, when kmon started), so the figure covers the window plus at most
 * one reading interval. Readings closer together than 1/120 of the window are not kept:
 * at most about 120 per key, whatever the evaluation rate. Not thread-safe: rules run on one
 * thread.
 */
final class CountWindow {
    private final long windowMillis;
    private final long originMillis;
    private final long spacingMillis;
    private final Map<String, ArrayDeque<long[]>> readings = new HashMap<>();

    CountWindow(long windowMillis, long originMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowMillis);
        }
        this.windowMillis = windowMillis;
        this.originMillis = originMillis;
        this.spacingMillis = windowMillis / 120;
    }

    /** Records {@code count} for {@code key} at {@code now} and returns its growth over the window. */
    long growth(String key, long now, long count) {
        ArrayDeque<long[]> r = readings.computeIfAbsent(key, k -> {
            ArrayDeque<long[]> first = new ArrayDeque<>();
            first.add(new long[] {originMillis, 0});
            return first;
        });
        long start = now - windowMillis;
        while (r.size() >= 2 && second(r)[0] <= start) {
            r.removeFirst();
        }
        long growth = Math.max(0, count - r.peekFirst()[1]);
        if (now - r.peekLast()[0] >= spacingMillis && now > r.peekLast()[0]) {
            r.addLast(new long[] {now, count});
        }
        return growth;
    }

    private static long[] second(ArrayDeque<long[]> r) {
        var it = r.iterator();
        it.next();
        return it.next();
    }

    /** Readings kept for {@code key} (for tests of the bound). */
    int readings(String key) {
        ArrayDeque<long[]> r = readings.get(key);
        return r == null ? 0 : r.size();
    }
}
