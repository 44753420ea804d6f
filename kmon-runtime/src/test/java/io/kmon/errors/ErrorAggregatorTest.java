package io.kmon.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ErrorAggregatorTest {
    private final FakeClock clock = new FakeClock(1_000);

    @Test
    void failures_areGroupedByComponentMethodAndType() {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        errors.record("Db", "find", new IOException("a"));
        errors.record("Db", "find", new IOException("b"));
        errors.record("Db", "find", new IllegalStateException("c"));
        errors.record("Db", "save", new IOException("d"));
        errors.record("Cache", "find", new IOException("e"));

        List<ErrorGroup> groups = errors.groups();
        assertEquals(4, groups.size());
        ErrorGroup io = find(groups, "Db", "find", IOException.class);
        assertEquals(2, io.count());
        assertEquals(5, errors.total());
    }

    @Test
    void group_keepsFirstAndLastSeenAndLastMessage() {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        errors.record("Db", "find", new IOException("first"));
        clock.advance(Duration.ofSeconds(30));
        errors.record("Db", "find", new IOException("second"));

        ErrorGroup g = errors.groups().get(0);
        assertEquals(1_000, g.firstSeen());
        assertEquals(31_000, g.lastSeen());
        assertEquals("second", g.lastMessage());
        assertTrue(g.sampleStackTrace().startsWith("java.io.IOException: first"), g.sampleStackTrace());
        assertTrue(g.sampleStackTrace().contains("\tat "), "has frames");
    }

    @Test
    void groups_areNewestFirst() {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        errors.record("A", "m", new IOException());
        clock.advance(Duration.ofMillis(1));
        errors.record("B", "m", new IOException());

        assertEquals(
                List.of("B", "A"),
                errors.groups().stream().map(ErrorGroup::component).toList());
    }

    @Test
    void longMessageAndDeepStack_areTruncated() {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        errors.record("Db", "find", deep(200, "x".repeat(5_000)));

        ErrorGroup g = errors.groups().get(0);
        assertEquals(ErrorAggregator.MAX_MESSAGE_BYTES, g.lastMessage().length());
        assertTrue(g.lastMessage().endsWith("..."));
        assertEquals(
                ErrorAggregator.MAX_STACK_LINES, g.sampleStackTrace().lines().count());
        assertTrue(g.sampleStackTrace().endsWith("(truncated)"));
    }

    @Test
    void nullMessage_isEmptyAndMethodlessErrorHasEmptyMethod() {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        errors.record("jobs", null, new IllegalStateException());

        ErrorGroup g = errors.groups().get(0);
        assertEquals("", g.lastMessage());
        assertEquals("", g.method());
        assertEquals(IllegalStateException.class.getName(), g.type());
    }

    @Test
    void throwingGetMessage_isContainedWhenRead() {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        errors.record("Db", "find", new RuntimeException() {
            @Override
            public String getMessage() {
                throw new UnsupportedOperationException("no message for you");
            }
        });

        ErrorGroup g = errors.groups().get(0);
        assertTrue(g.lastMessage().contains("getMessage threw"), g.lastMessage());
        assertTrue(
                g.sampleStackTrace().contains("(getMessage threw java.lang.UnsupportedOperationException)\n\tat "),
                g.sampleStackTrace());
    }

    @Test
    void manyMoreGroupsThanTheBound_keepTheMostRecentAndCountTheDrops() {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        for (int i = 0; i < 10_000; i++) {
            clock.advance(Duration.ofMillis(1));
            errors.record("c" + i, "m", new IOException());
        }

        assertEquals(100, errors.size());
        assertEquals(9_900, errors.evicted());
        assertEquals(10_000, errors.total());
        assertEquals("c9999", errors.groups().get(0).component());
        assertEquals("c9900", errors.groups().get(99).component());
    }

    @Test
    void boundWithAFrozenClock_dropsOldestCreatedFirst() {
        ErrorAggregator errors = new ErrorAggregator(clock, 2);
        errors.record("a", "m", new IOException());
        errors.record("b", "m", new IOException());
        errors.record("c", "m", new IOException());

        assertEquals(
                List.of("b", "c"),
                errors.groups().stream().map(ErrorGroup::component).sorted().toList());
    }

    @Test
    void concurrentFailures_areCountedExactly() throws Exception {
        ErrorAggregator errors = new ErrorAggregator(clock, 100);
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    errors.record("C" + (i % 4), "m", i / 4 % 2 == 0 ? new IOException() : new IllegalStateException());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(8, errors.size());
        for (ErrorGroup g : errors.groups()) {
            assertEquals(threads * perThread / 8, g.count(), g.toString());
        }
        assertEquals((long) threads * perThread, errors.total());
    }

    @Test
    void badArguments_areRejected() {
        ErrorAggregator errors = new ErrorAggregator(clock, 1);
        assertThrows(NullPointerException.class, () -> errors.record(null, "m", new IOException()));
        assertThrows(NullPointerException.class, () -> errors.record("c", "m", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ErrorAggregator(clock, 0));
        assertTrue(e.getMessage().contains("0"));
    }

    private static ErrorGroup find(List<ErrorGroup> groups, String component, String method, Class<?> type) {
        return groups.stream()
                .filter(g -> g.component().equals(component)
                        && g.method().equals(method)
                        && g.type().equals(type.getName()))
                .findFirst()
                .orElseThrow();
    }

    private static RuntimeException deep(int depth, String message) {
        if (depth == 0) {
            return new RuntimeException(message);
        }
        return deep(depth - 1, message);
    }
}
