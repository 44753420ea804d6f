package io.kmon.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** A {@link MeterRegistry}'s families by metric name, and the cap on names that keeps their number bounded. */
final class SeriesFamilies {
    private final int maxNames;
    private final AtomicInteger names = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final ConcurrentHashMap<String, SeriesFamily> families = new ConcurrentHashMap<>();

    SeriesFamilies(int maxNames) {
        this.maxNames = maxNames;
    }

    /** The family of {@code name}, created while the cap on names allows; null, and counted, when it does not. */
    SeriesFamily family(String name, Class<?> type) {
        SeriesFamily family = families.get(name);
        if (family != null) {
            return family;
        }
        if (ReservedNames.isReserved(name)) { // kmon's own, a fixed few: never refused, not counted
            return families.computeIfAbsent(name, n -> new SeriesFamily(type));
        }
        int n;
        do {
            n = names.get();
            if (n >= maxNames) {
                refused.increment();
                return null;
            }
        } while (!names.compareAndSet(n, n + 1));
        SeriesFamily created = new SeriesFamily(type);
        family = families.putIfAbsent(name, created);
        if (family != null) {
            names.decrementAndGet(); // another thread created it first
            return family;
        }
        return created;
    }

    /** The registrations of new names refused by the cap. */
    long refused() {
        return refused.sum();
    }

    int maxNames() {
        return maxNames;
    }

    /** Per metric name, how many registrations were folded into its overflow series. */
    Map<String, Long> folded() {
        Map<String, Long> folded = new TreeMap<>();
        families.forEach((name, family) -> {
            long n = family.folded.sum();
            if (n > 0) {
                folded.put(name, n);
            }
        });
        return folded;
    }
}
