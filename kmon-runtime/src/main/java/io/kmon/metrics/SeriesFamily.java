package io.kmon.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The series of one metric name: one type, a capped number of tag sets. */
final class SeriesFamily {
    final Class<?> type;
    final AtomicInteger series = new AtomicInteger();
    final LongAdder folded = new LongAdder();

    SeriesFamily(Class<?> type) {
        this.type = type;
    }

    /** Takes one of the family's {@code cap} places; false when all are taken. */
    boolean admit(int cap) {
        int n;
        do {
            n = series.get();
            if (n >= cap) {
                return false;
            }
        } while (!series.compareAndSet(n, n + 1));
        return true;
    }
}
