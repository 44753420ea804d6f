package io.kmon.errors;

import io.kmon.metrics.Clock;
import io.kmon.metrics.SafeValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Failures grouped by component, method and exception type (the local stand-in for an
 * external error tracker): per group a count, first and last seen, the last message and one
 * sample stack trace.
 *
 * <pre>{@code
 * for (ErrorGroup g : kmon.errors().groups()) {
 *     System.out.println(g.component() + "." + g.method() + " " + g.type() + " x" + g.count());
 * }
 * }</pre>
 *
 * <p>{@link #record} runs on the failing call's thread, so it is cheap and never blocks: a map
 * read, one {@link LongAdder} increment and two volatile writes. It keeps references to the
 * first and the latest throwable and turns them into text only when someone reads
 * ({@link #groups()}), so no message or stack trace is rendered on the caller's thread.
 *
 * <p>The number of groups is bounded: beyond {@code maxGroups}, the least recently seen
 * group is dropped and the drop counted ({@link #evicted()}). Counts are exact while a
 * group lives.
 */
public final class ErrorAggregator {
    /** Longest message kept, in UTF-8 bytes. */
    public static final int MAX_MESSAGE_BYTES = SafeValues.MAX_STRING_BYTES;
    /** Longest sample stack trace kept, in lines (each at most {@value SafeValues#MAX_STACK_LINE_BYTES} bytes). */
    public static final int MAX_STACK_LINES = SafeValues.MAX_STACK_LINES;

    private final Clock clock;
    private final int maxGroups;
    private final ConcurrentHashMap<Key, Group> groups = new ConcurrentHashMap<>();
    private final ReentrantLock evicting = new ReentrantLock();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder total = new LongAdder();
    private final AtomicLong created = new AtomicLong();

    /**
     * An aggregator.
     *
     * @param clock stamps first and last seen
     * @param maxGroups groups kept before the least recently seen is dropped
     */
    public ErrorAggregator(Clock clock, int maxGroups) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxGroups <= 0) {
            throw new IllegalArgumentException("maxGroups must be positive: " + maxGroups);
        }
        this.maxGroups = maxGroups;
    }

    /**
     * Counts one failure.
     *
     * @param component the component (not null)
     * @param method the method; null or empty when not from a monitored method
     * @param error the failure (not null)
     */
    public void record(String component, String method, Throwable error) {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(error, "error");
        long now = clock.millis();
        Key key = new Key(component, method == null ? "" : method, error.getClass());
        Group group = groups.get(key);
        if (group == null) {
            group = groups.computeIfAbsent(key, k -> new Group(created.incrementAndGet(), now, error));
            if (groups.size() > maxGroups) {
                evictOverflow();
            }
        }
        group.count.increment();
        group.lastSeen = now;
        group.last = error;
        total.increment();
    }

    /**
     * Drops least recently seen groups until the bound holds. Whoever holds the lock does the
     * work; others go on (they never wait on a failing call's thread), and the holder checks
     * again after releasing, so a group added meanwhile is not left over the bound.
     */
    private void evictOverflow() {
        while (groups.size() > maxGroups && evicting.tryLock()) {
            try {
                while (groups.size() > maxGroups) {
                    Map.Entry<Key, Group> oldest = null;
                    for (Map.Entry<Key, Group> e : groups.entrySet()) {
                        if (oldest == null || e.getValue().olderThan(oldest.getValue())) {
                            oldest = e;
                        }
                    }
                    if (oldest != null && groups.remove(oldest.getKey(), oldest.getValue())) {
                        evicted.increment();
                    }
                }
            } finally {
                evicting.unlock();
            }
        }
    }

    /** {@return every group, most recently seen first} */
    public List<ErrorGroup> groups() {
        List<ErrorGroup> out = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> out.add(group.toRecord(key)));
        out.sort(Comparator.comparingLong(ErrorGroup::lastSeen)
                .reversed()
                .thenComparing(Comparator.comparingLong(ErrorGroup::count).reversed())
                .thenComparing(ErrorGroup::component)
                .thenComparing(ErrorGroup::method)
                .thenComparing(ErrorGroup::type));
        return out;
    }

    /** {@return how many groups there are now} */
    public int size() {
        return groups.size();
    }

    /** {@return the bound on groups} */
    public int maxGroups() {
        return maxGroups;
    }

    /** {@return how many groups were dropped to keep the bound} */
    public long evicted() {
        return evicted.sum();
    }

    /** {@return the failures recorded since start, including those of dropped groups} */
    public long total() {
        return total.sum();
    }

    private record Key(String component, String method, Class<?> type) {}

    /** A live group; counts are exact, the rest is last-writer-wins. */
    private static final class Group {
        final long sequence;
        final long firstSeen;
        final Throwable first;
        final LongAdder count = new LongAdder();
        volatile long lastSeen;
        volatile Throwable last;

        Group(long sequence, long now, Throwable first) {
            this.sequence = sequence;
            this.firstSeen = now;
            this.first = first;
            this.lastSeen = now;
            this.last = first;
        }

        /** Less recently seen; on a tie (a coarse clock), created earlier, so a new group is dropped last. */
        boolean olderThan(Group other) {
            long a = lastSeen;
            long b = other.lastSeen;
            return a < b || (a == b && sequence < other.sequence);
        }

        ErrorGroup toRecord(Key key) {
            return new ErrorGroup(
                    key.component(),
                    key.method(),
                    key.type().getName(),
                    count.sum(),
                    firstSeen,
                    lastSeen,
                    message(last),
                    stackTrace(first));
        }
    }

    static String message(Throwable error) {
        return SafeValues.message(error);
    }

    static String stackTrace(Throwable error) {
        return SafeValues.stackTrace(error);
    }
}
