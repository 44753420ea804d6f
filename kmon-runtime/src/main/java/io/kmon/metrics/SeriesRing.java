package io.kmon.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-size ring of points: appending past capacity overwrites the oldest. Written by the
 * sampler and read by exporters, both rare, so a lock is the simple right choice here.
 */
final class SeriesRing {
    private final long[] times;
    private final double[] values;
    private int next;
    private int size;

    SeriesRing(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
    }

    synchronized void add(long timestampMillis, double value) {
        times[next] = timestampMillis;
        values[next] = value;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** Points at or after {@code sinceMillis}, oldest first. */
    synchronized List<Point> since(long sinceMillis) {
        List<Point> points = new ArrayList<>();
        int start = (next - size + times.length) % times.length;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % times.length;
            if (times[at] >= sinceMillis) {
                points.add(new Point(times[at], values[at]));
            }
        }
        return points;
    }
}
