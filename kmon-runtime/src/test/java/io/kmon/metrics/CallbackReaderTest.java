package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackReaderTest {
    private final List<Throwable> failures = new ArrayList<>();
    private final CallbackReader reader = new CallbackReader(Duration.ofMillis(20), 4);
    private final MeterRegistry registry = new MeterRegistry(
            () -> 0L,
            60_000,
            100,
            100,
            (id, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            },
            reader);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        reader.close();
    }

    private void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void hungSupplier_readsItsLastGoodValue_isCalledOnceWhileHung_andResumesWhenItReturns() {
        AtomicBoolean hang = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch returned = new CountDownLatch(1);
        FunctionGauge g = registry.gauge(MeterId.of("depth"), () -> {
            calls.incrementAndGet();
            if (hang.get()) {
                await(release);
                returned.countDown();
                return 9;
            }
            return 4;
        });
        assertEquals(4.0, g.value());
        hang.set(true);
        for (int i = 0; i < 10; i++) {
            assertEquals(4.0, g.value(), "the last good value");
        }
        assertEquals(2, calls.get(), "no call piles up behind the hung one");
        assertEquals(1, failures.size());
        assertInstanceOf(TimeoutException.class, failures.get(0));

        hang.set(false);
        release.countDown();
        await(returned);
        while (calls.get() < 3) { // the hung call's end is published just after it returns
            g.value();
        }
        assertEquals(4.0, g.value(), "reads call it again");
        assertEquals(1, failures.size(), "and nothing more failed");
    }

    @Test
    void hungFunctionCounters_holdAtMostTheThreadCap_andTheRestStillRead() {
        for (int i = 0; i < 6; i++) {
            registry.functionCounter(MeterId.of("hung" + i), () -> {
                await(release);
                return 1;
            });
        }
        FunctionCounter fine = registry.functionCounter(MeterId.of("fine"), () -> 5);
        for (Object m : registry.meters()) {
            ((Meter) m).snapshot(0);
        }
        assertTrue(reader.threads() <= 4, "threads " + reader.threads());
        long refused = failures.stream()
                .filter(e -> String.valueOf(e.getMessage()).contains("no callback thread free"))
                .count();
        assertEquals(2, refused, "two of six hung counters found no thread: " + failures);
        release.countDown();
        long count;
        do { // the four hung calls end; their threads are free again
            count = fine.count();
        } while (count != 5);
        assertEquals(5, count);
    }

    @Test
    void ownCounters_areReadInline() {
        FunctionCounter own = registry.ownCounter(MeterId.of("own"), () -> 3);
        assertEquals(3, own.count());
        assertEquals(0, reader.threads());
    }
}
